set client_min_messages = 'warning';
\set VERBOSITY 'terse'

select ret_code from pgq_node.register_location('branch_set', 'snode', 'dbname=db', false);
select ret_code from pgq_node.register_location('branch_set', 'pnode', 'dbname=db2', false);
select ret_code from pgq_node.create_node('branch_set', 'branch', 'snode', 'londiste_branch', 'pnode', 100, null);

create table ref_1 (
    id int4 primary key,
    val text
);

create table ref_2 (
    id int4 primary key,
    ref int4 not null references ref_1,
    val text
);

create table ref_3 (
    id int4 primary key,
    ref2 int4 not null references ref_2,
    val text
);

select * from londiste.global_add_table('branch_set', 'public.ref_1');
select * from londiste.global_add_table('branch_set', 'public.ref_2');
select * from londiste.global_add_table('branch_set', 'public.ref_3');

select * from londiste.local_add_table('branch_set', 'public.ref_1');
select * from londiste.local_add_table('branch_set', 'public.ref_2');
select * from londiste.local_add_table('branch_set', 'public.ref_3');

select * from londiste.find_table_fkeys('public.ref_1');
select * from londiste.find_table_fkeys('public.ref_2');
select * from londiste.find_table_fkeys('public.ref_3');

select * from londiste.get_table_pending_fkeys('public.ref_2');

select * from londiste.get_valid_pending_fkeys('branch_set');

-- drop fkeys

select * from londiste.drop_table_fkey('public.ref_2', 'ref_2_ref_fkey');

select * from londiste.find_table_fkeys('public.ref_1');
select * from londiste.find_table_fkeys('public.ref_2');
select * from londiste.find_table_fkeys('public.ref_3');

select * from londiste.drop_table_fkey('public.ref_3', 'ref_3_ref2_fkey');

-- check if dropped

select * from londiste.find_table_fkeys('public.ref_1');
select * from londiste.find_table_fkeys('public.ref_2');
select * from londiste.find_table_fkeys('public.ref_3');

-- look state
select * from londiste.get_table_pending_fkeys('public.ref_2');
select * from londiste.get_valid_pending_fkeys('branch_set');

-- toggle sync
select * from londiste.local_set_table_state('branch_set', 'public.ref_1', null, 'ok');
select * from londiste.get_valid_pending_fkeys('branch_set');
select * from londiste.local_set_table_state('branch_set', 'public.ref_2', null, 'ok');
select * from londiste.get_valid_pending_fkeys('branch_set');
select * from londiste.local_set_table_state('branch_set', 'public.ref_3', null, 'ok');
select * from londiste.get_valid_pending_fkeys('branch_set');

-- restore
select * from londiste.restore_table_fkey('public.ref_2', 'ref_2_ref_fkey');
select * from londiste.restore_table_fkey('public.ref_3', 'ref_3_ref2_fkey');

-- look state
select * from londiste.get_table_pending_fkeys('public.ref_2');
select * from londiste.get_valid_pending_fkeys('branch_set');
select * from londiste.find_table_fkeys('public.ref_1');
select * from londiste.find_table_fkeys('public.ref_2');
select * from londiste.find_table_fkeys('public.ref_3');

-- F-2: a copy snapshot still set keeps the key dropped
select * from londiste.drop_table_fkey('public.ref_2', 'ref_2_ref_fkey');
select * from londiste.local_set_table_state('branch_set', 'public.ref_2', '1:2:', 'ok');
select fkey_name from londiste.get_valid_pending_fkeys('branch_set');
select * from londiste.local_set_table_state('branch_set', 'public.ref_2', null, 'ok');
select fkey_name from londiste.get_valid_pending_fkeys('branch_set');

-- F-3: a key to a table that is not replicated in the queue stays dropped
create table ref_ext (id int4 primary key);
alter table ref_3 add constraint ref_3_ext_fkey foreign key (id) references ref_ext;
select * from londiste.drop_table_fkey('public.ref_3', 'ref_3_ext_fkey');
select fkey_name from londiste.get_valid_pending_fkeys('branch_set');

-- keys of same name on two tables are kept apart
create table ref_4 (id int4 primary key, ref int4 constraint ref_same_fkey references ref_1);
create table ref_5 (id int4 primary key, ref int4 constraint ref_same_fkey references ref_1);
select * from londiste.drop_table_fkey('public.ref_4', 'ref_same_fkey');
select * from londiste.drop_table_fkey('public.ref_5', 'ref_same_fkey');
select * from londiste.restore_table_fkey('public.ref_4', 'ref_same_fkey');
select from_table, fkey_name from londiste.pending_fkeys order by 1, 2;
select * from londiste.restore_table_fkey('public.ref_4', 'ref_same_fkey');
select * from londiste.drop_table_fkey('public.ref_4', 'no_such_fkey');
