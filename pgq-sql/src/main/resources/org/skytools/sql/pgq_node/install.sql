-- Installs the pgq_node schema into a database that has pgq.
\i structure/tables.sql
\i structure/functions.sql
select pgq_node.upgrade_schema();
\i structure/grants.sql
