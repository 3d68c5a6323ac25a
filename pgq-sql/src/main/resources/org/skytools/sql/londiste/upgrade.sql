-- Upgrades an installed londiste schema of an older release: functions are replaced, tables
-- and roles are brought up to date, grants are applied again.
\i structure/upgrade_prepare.sql
\i structure/functions.sql
select londiste.upgrade_schema();
\i structure/grants.sql
