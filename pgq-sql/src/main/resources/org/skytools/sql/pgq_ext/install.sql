-- pgq_ext: install the schema
\i structure/tables.sql
\i functions/pgq_ext.is_batch_done.sql
\i functions/pgq_ext.set_batch_done.sql
\i functions/pgq_ext.is_event_done.sql
\i functions/pgq_ext.set_event_done.sql
\i functions/pgq_ext.get_last_tick.sql
\i functions/pgq_ext.set_last_tick.sql
\i functions/pgq_ext.upgrade_schema.sql
\i functions/pgq_ext.version.sql
\i structure/grants.sql
