set client_min_messages = 'warning';
\set VERBOSITY 'terse'

-- a root and a branch in one database, as the suite's provider and subscriber tests left them
select ret_code from pgq_node.register_location('aset', 'rnode', 'dbname=db', false);
select ret_code from pgq_node.create_node('aset', 'root', 'rnode', 'londiste_root', null, null, null);
select ret_code from pgq_node.register_location('branch_set', 'snode', 'dbname=db', false);
select ret_code from pgq_node.register_location('branch_set', 'pnode', 'dbname=db2', false);
select ret_code from pgq_node.create_node('branch_set', 'branch', 'snode', 'londiste_branch', 'pnode', 100, null);

select * from londiste.execute_start('branch_set', 'DDL-A.sql', 'drop all', false);
select * from londiste.execute_start('branch_set', 'DDL-A.sql', 'drop all', false);

select * from londiste.execute_finish('branch_set', 'DDL-A.sql');
select * from londiste.execute_finish('branch_set', 'DDL-A.sql');
select * from londiste.execute_finish('branch_set', 'DDL-XXX.sql');

select * from londiste.execute_start('branch_set', 'DDL-B.sql', 'drop all', true);
select * from londiste.execute_start('branch_set', 'DDL-B.sql', 'drop all', true);

select * from londiste.execute_start('aset', 'DDL-root.sql', 'drop all', true);
select * from londiste.execute_start('aset', 'DDL-root.sql', 'drop all', true);
select * from londiste.execute_finish('aset', 'DDL-root.sql');
select * from londiste.execute_finish('aset', 'DDL-root.sql');

-- L-33: the root sends the script down the cascade; attributes travel in ev_extra2
select * from londiste.execute_start('aset', 'DDL-attrs.sql', 'create table x (id int)', true, 'need_table=public.x');
select * from londiste.execute_finish('aset', 'DDL-attrs.sql');
select ev_type, ev_data, ev_extra1, ev_extra2 from pgq.event_template where ev_type = 'EXECUTE' order by ev_id;

-- L-34: a file applied through one queue is skipped when it comes through another
select * from londiste.execute_start('branch_set', 'DDL-root.sql', 'drop all', false);
select queue_name, execute_file, execute_sql, execute_attrs from londiste.applied_execute order by execute_file;

-- L-37: after 3 months the record goes and the file can run again
update londiste.applied_execute set execute_time = now() - '100 days'::interval where execute_file = 'DDL-A.sql';
select londiste.periodic_maintenance();
select execute_file from londiste.applied_execute order by 1;
select * from londiste.execute_start('branch_set', 'DDL-A.sql', 'drop all', false);

select * from londiste.execute_start('no_such_queue', 'DDL-C.sql', 'drop all', false);
