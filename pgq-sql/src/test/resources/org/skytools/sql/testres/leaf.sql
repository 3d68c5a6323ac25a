select $$ \i not an include inside a line $$;
