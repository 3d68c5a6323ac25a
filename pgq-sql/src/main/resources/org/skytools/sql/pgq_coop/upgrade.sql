-- pgq_coop: replace the functions of an installed pgq_coop
\i functions/pgq_coop.register_subconsumer.sql
\i functions/pgq_coop.unregister_subconsumer.sql
\i functions/pgq_coop.next_batch.sql
\i functions/pgq_coop.finish_batch.sql
\i functions/pgq_coop.version.sql
\i structure/grants.sql
