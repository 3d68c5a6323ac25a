-- includes a file that includes this one
\i cycle_b.sql
