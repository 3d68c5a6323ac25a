-- pgq_coop: install into a database that has pgq
\i structure/schema.sql
\i functions/pgq_coop.register_subconsumer.sql
\i functions/pgq_coop.unregister_subconsumer.sql
\i functions/pgq_coop.next_batch.sql
\i functions/pgq_coop.finish_batch.sql
\i functions/pgq_coop.version.sql
\i structure/grants.sql
