-- capture triggers: pgq.logutriga(), pgq.sqltriga(), pgq.jsontriga()
\i triggers/pgq._trg_urlencode.sql
\i triggers/pgq._trg_in_list.sql
\i triggers/pgq._trg_expr_sql.sql
\i triggers/pgq._trg_eqmode.sql
\i triggers/pgq._trg_eq.sql
\i triggers/pgq._trg_relsig.sql
\i triggers/pgq._trg_build.sql
\i triggers/pgq._trg_entry.sql
\i triggers/pgq._trg_event.sql
\i triggers/pgq.logutriga.sql
\i triggers/pgq.sqltriga.sql
\i triggers/pgq.jsontriga.sql
