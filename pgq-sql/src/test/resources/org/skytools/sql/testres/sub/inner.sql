select 2;
\i ../leaf.sql
