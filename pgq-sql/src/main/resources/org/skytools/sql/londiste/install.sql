-- Installs the londiste schema into a database that has pgq and pgq_node.
\i structure/tables.sql
\i structure/functions.sql
\i structure/triggers.sql
select londiste.upgrade_schema();
\i structure/grants.sql
