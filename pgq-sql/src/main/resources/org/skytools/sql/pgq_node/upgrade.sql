-- Upgrades an installed pgq_node schema of an older release: functions are replaced, tables
-- are brought up to date, grants are applied again.
\i structure/upgrade_prepare.sql
\i structure/functions.sql
select pgq_node.upgrade_schema();
\i structure/grants.sql
