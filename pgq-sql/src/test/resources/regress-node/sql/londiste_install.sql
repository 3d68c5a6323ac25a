set client_min_messages = 'warning';
\set VERBOSITY 'terse'
-- the installed schemas: versions, roles, privileges and the ticker's maintenance hooks

select pgq.version(), pgq_node.version(), londiste.version();
select pgq_node.upgrade_schema(), londiste.upgrade_schema();

select r.rolname, array_agg(m.rolname order by m.rolname) as member_of
  from pg_roles r
  join pg_auth_members a on a.member = r.oid
  join pg_roles m on m.oid = a.roleid
 where r.rolname like 'londiste%'
 group by r.rolname
 order by 1;

select tgname, tgtype & 2 = 2 as before, tgenabled from pg_trigger
 where tgrelid = 'londiste.table_info'::regclass and not tgisinternal;

select conname, pg_get_constraintdef(oid) from pg_constraint
 where connamespace = 'londiste'::regnamespace order by 1;

-- every function has its grantees, no function is left to public by accident
select p.oid::regprocedure::text as function,
       array(select coalesce(r.rolname, 'public')
               from aclexplode(p.proacl) a left join pg_roles r on r.oid = a.grantee
              where a.privilege_type = 'EXECUTE' and a.grantee <> p.proowner
              order by 1) as execute
  from pg_proc p
 where p.pronamespace in ('pgq_node'::regnamespace, 'londiste'::regnamespace)
 order by 1;

select c.oid::regclass::text as relation,
       array(select coalesce(r.rolname, 'public') || ':' || a.privilege_type
               from aclexplode(c.relacl) a left join pg_roles r on r.oid = a.grantee
              where a.grantee <> c.relowner
              order by 1) as privileges
  from pg_class c
 where c.relnamespace in ('pgq_node'::regnamespace, 'londiste'::regnamespace)
   and c.relkind in ('r', 'S')
 order by 1;

-- maintenance: pgq_node.maint_watermark for roots, londiste.root_check_seqs for roots
-- with sequences, londiste.periodic_maintenance once
select * from pgq_node.register_location('mq', 'm1', 'dbname=m', false);
select * from pgq_node.create_node('mq', 'root', 'm1', 'mw', null, null, null);
select * from pgq_node.register_location('bq', 'b1', 'dbname=b1', false);
select * from pgq_node.register_location('bq', 'b2', 'dbname=b2', false);
select * from pgq_node.create_node('bq', 'branch', 'b2', 'bw', 'b1', 1, null);
create sequence mseq;
select * from londiste.local_add_seq('mq', 'mseq');
select * from pgq.maint_operations() where func_name not like 'pgq.maint_rotate%' and func_name <> 'vacuum';

-- the global watermark of a root without a worker moves after 5 minutes
update pgq.queue set queue_ticker_max_lag = '0', queue_ticker_idle_period = '0' where queue_name = 'mq';
select pgq.ticker('mq');
select * from pgq_node.maint_watermark('mq');
select last_tick from pgq.get_consumer_info('mq', '.global_watermark');
update pgq.subscription set sub_active = now() - '10 minutes'::interval;
update pgq.tick set tick_time = now() - '10 minutes'::interval where tick_id = 1;
select * from pgq_node.maint_watermark('mq');
select last_tick from pgq.get_consumer_info('mq', '.global_watermark');
select ev_type, ev_data from pgq.event_template where ev_type = 'pgq.global-watermark';
select * from pgq_node.maint_watermark('bq');
