select 1;
\i sub/inner.sql
select 3;
