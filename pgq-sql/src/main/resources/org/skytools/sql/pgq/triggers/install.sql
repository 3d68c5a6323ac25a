-- capture triggers: pgq.logutriga(), pgq.sqltriga(), pgq.jsontriga(); includes are relative to this file
\i pgq._trg_urlencode.sql
\i pgq._trg_in_list.sql
\i pgq._trg_expr_sql.sql
\i pgq._trg_eqmode.sql
\i pgq._trg_eq.sql
\i pgq._trg_relsig.sql
\i pgq._trg_build.sql
\i pgq._trg_entry.sql
\i pgq._trg_event.sql
\i pgq.logutriga.sql
\i pgq.sqltriga.sql
\i pgq.jsontriga.sql
