select 1;
\set ON_ERROR_STOP 1
select 2;
