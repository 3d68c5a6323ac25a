\set VERBOSITY terse
set client_min_messages = warning;

-- maintenance of cascaded queues and londiste is listed only when those schemas are installed
select pgq.create_queue('rootq');
select pgq.create_queue('branchq');
select * from pgq.maint_operations();

create schema pgq_node;
create table pgq_node.node_info (queue_name text, node_type text);
insert into pgq_node.node_info values ('rootq', 'root'), ('branchq', 'branch');
create function pgq_node.maint_watermark(text) returns int4 as $$ select 0 $$ language sql;
select * from pgq.maint_operations();

create schema londiste;
create table londiste.seq_info (queue_name text, seq_name text, local boolean);
insert into londiste.seq_info values
    ('rootq', 'public.s1', true), ('rootq', 'public.s2', true), ('branchq', 'public.s3', true);
create function londiste.root_check_seqs(text, int8 default 10000) returns int4 as $$ select 0 $$ language sql;
create function londiste.periodic_maintenance() returns int4 as $$ select 0 $$ language sql;
select * from pgq.maint_operations();

-- together with rotation and per-queue functions, in the documented order
update pgq.queue set queue_rotation_period = '0', queue_extra_maint = array['extra.fn'];
select * from pgq.maint_operations();
