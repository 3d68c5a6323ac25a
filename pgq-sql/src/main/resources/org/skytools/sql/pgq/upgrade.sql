-- Upgrades an installed pgq schema of an older release: functions are replaced, tables and
-- roles are brought up to date, grants are applied again.
\i structure/upgrade_prepare.sql
\i structure/functions.sql
\i structure/upgrade_schema.sql
\i triggers/install.sql
\i structure/grants.sql
