-- Installs the pgq schema into a database that does not have it.
\i structure/tables.sql
\i structure/functions.sql
\i structure/upgrade_schema.sql
\i triggers/install.sql
\i structure/grants.sql
