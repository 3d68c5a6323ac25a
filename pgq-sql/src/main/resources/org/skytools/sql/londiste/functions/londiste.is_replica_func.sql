create or replace function londiste.is_replica_func(func_oid oid)
returns boolean as $$
-- ----------------------------------------------------------------------
-- Function: londiste.is_replica_func(1)
--
--      Whether a function is one of the PgQ capture triggers that londiste
--      creates; they all take the queue name as first argument.
--
-- Parameters:
--      func_oid    - pg_proc oid, e.g. pg_trigger.tgfoid
-- ----------------------------------------------------------------------
select exists (
    select 1
      from pg_catalog.pg_proc f
      join pg_catalog.pg_namespace n on (n.oid = f.pronamespace)
     where f.oid = $1
       and n.nspname = 'pgq'
       and f.proname in ('sqltriga', 'logutriga', 'jsontriga'));
$$ language sql strict stable;
