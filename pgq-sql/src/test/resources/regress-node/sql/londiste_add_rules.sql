set client_min_messages = 'warning';
\set VERBOSITY 'terse'
-- registration rules of local_add_table and the global_* functions (L-1, L-2, L-18, L-19, L-30)

create table tbl (id int4 primary key, data text);
create table nopk (id int4, data text);

-- a combined root with two merge-leaf partitions
select ret_code from pgq_node.register_location('cq', 'c1', 'dbname=c', false);
select ret_code from pgq_node.create_node('cq', 'root', 'c1', 'cw', null, null, null);
select ret_code from pgq_node.register_location('p1', 'p1root', 'dbname=p1', false);
select ret_code from pgq_node.register_location('p1', 'm', 'dbname=c', false);
select ret_code from pgq_node.create_node('p1', 'leaf', 'm', 'mw1', 'p1root', 10, 'cq');
select ret_code from pgq_node.register_location('p2', 'p2root', 'dbname=p2', false);
select ret_code from pgq_node.register_location('p2', 'm', 'dbname=c', false);
select ret_code from pgq_node.create_node('p2', 'leaf', 'm', 'mw2', 'p2root', 10, 'cq');

select * from londiste.local_add_table('nq', 'tbl');
select * from londiste.local_add_table('p1', 'tbl', array['merge_all', 'no_merge']);

-- L-30: a table announced to a merge-leaf is announced to its combined queue too
select * from londiste.global_add_table('p1', 'tbl');
select * from londiste.global_add_table('p1', 'public.tbl');
select * from londiste.global_add_table('p2', 'tbl');
select queue_name, table_name, local from londiste.table_info order by 1, 2;

-- L-18: a table from several sources needs merge_all or no_merge; the admin tool rolls
-- back whatever a call with a code of 400 or more did
begin;
select * from londiste.local_add_table('p1', 'tbl');
rollback;
select * from londiste.local_add_table('p1', 'tbl', array['no_merge']);
select queue_name, table_name, local, merge_state from londiste.table_info order by 1, 2;
begin;
select * from londiste.local_add_table('p2', 'tbl', array['merge_all']);
rollback;
select * from londiste.local_remove_table('p1', 'tbl');

-- L-19: merge_all subscribes every source and the combined root
select * from londiste.local_add_table('p2', 'tbl', array['merge_all', 'skip_truncate'], 'handler=x');
select queue_name, table_name, local, merge_state, table_attrs from londiste.table_info order by 1, 2;
select * from londiste.local_add_table('p1', 'tbl', array['merge_all', 'skip_truncate'], 'handler=x');
select * from londiste.local_add_table('p1', 'tbl', array['merge_all'], 'handler=x');
select ev_type, ev_data from pgq.event_template where ev_type like 'londiste.%' order by ev_id;
select tgname from pg_trigger where tgrelid = 'public.tbl'::regclass order by 1;

-- a merge-leaf may add a table whose key the lead copy has dropped
select * from londiste.global_add_table('p1', 'nopk');
select * from londiste.global_add_table('p2', 'nopk');
select * from londiste.local_add_table('p1', 'nopk', array['no_merge']);
update londiste.table_info set local = true, merge_state = 'in-copy', dropped_ddl = 'alter table ...'
 where queue_name = 'p2' and table_name = 'public.nopk';
select * from londiste.local_add_table('p1', 'nopk', array['no_merge']);

-- L-2: expect_sync needs no copy; virtual tables need no table
select ret_code from pgq_node.register_location('bq', 'b1', 'dbname=b1', false);
select ret_code from pgq_node.register_location('bq', 'b2', 'dbname=b2', false);
select ret_code from pgq_node.create_node('bq', 'branch', 'b2', 'bw', 'b1', 1, null);
select * from londiste.global_add_table('bq', 'tbl');
select * from londiste.global_add_table('bq', 'vtbl');
select * from londiste.local_add_table('bq', 'tbl', array['expect_sync']);
select * from londiste.local_add_table('bq', 'vtbl', array['virtual_table'], 'handler=vtable');
select table_name, local, merge_state, table_attrs from londiste.get_table_list('bq');
select * from londiste.local_show_missing('bq');

-- L-2: a merge-leaf on a combined branch never copies
select ret_code from pgq_node.register_location('lq', 'b1', 'dbname=b1', false);
select ret_code from pgq_node.register_location('lq', 'b2', 'dbname=b2', false);
select ret_code from pgq_node.create_node('lq', 'leaf', 'b2', 'lw', 'b1', 1, 'bq');
select * from londiste.global_add_table('lq', 'tbl2');
select queue_name, table_name from londiste.table_info where table_name = 'public.tbl2' order by 1;
create table tbl2 (id int4 primary key);
select * from londiste.local_add_table('lq', 'tbl2');
select table_name, local, merge_state from londiste.get_table_list('lq');

-- L-30: removal on a subscriber unsubscribes and forgets the table
select * from londiste.global_remove_table('bq', 'tbl');
select * from londiste.global_remove_table('bq', 'tbl');
select table_name, local from londiste.get_table_list('bq');
select count(*) from pg_trigger where tgrelid = 'public.tbl'::regclass and tgname like '_londiste_bq%';

-- dropping a node forgets its tables and sequences
select * from pgq_node.drop_node('bq', 'b2');
select count(*) from londiste.table_info where queue_name = 'bq';
