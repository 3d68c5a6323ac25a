\i no_such_file.sql
