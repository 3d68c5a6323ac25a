\set VERBOSITY terse
set client_min_messages = warning;

show session_replication_role;
select pgq.create_queue('open_queue');
select pgq.create_queue('branch_queue');
update pgq.queue set queue_disable_insert = true where queue_name = 'branch_queue';

-- origin: only the open queue accepts events
select pgq.insert_event('open_queue', 'open', 'role:origin');
select pgq.insert_event('branch_queue', 'branch', 'role:origin');
select pgq.current_event_table('branch_queue');

-- replica: the replication worker may write into a queue with inserts disabled
set session_replication_role = 'replica';
show session_replication_role;
select pgq.insert_event('open_queue', 'open', 'role:replica');
select pgq.insert_event('branch_queue', 'branch', 'role:replica');
select pgq.current_event_table('branch_queue');

-- local counts as an ordinary session
set session_replication_role = 'local';
show session_replication_role;
select pgq.insert_event('open_queue', 'open', 'role:local');
select pgq.insert_event('branch_queue', 'branch', 'role:local');
select pgq.current_event_table('branch_queue');

set session_replication_role = 'origin';
select pgq.insert_event('open_queue', 'open', 'role:origin');
select pgq.insert_event('branch_queue', 'branch', 'role:origin');

select ev_type, ev_data from pgq.event_1 union all select ev_type, ev_data from pgq.event_2 order by 1, 2;
select pgq.drop_queue('open_queue');
select pgq.drop_queue('branch_queue');
