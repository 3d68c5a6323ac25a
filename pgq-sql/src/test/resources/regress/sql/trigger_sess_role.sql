\set VERBOSITY terse
set client_min_messages = warning;
\set ECHO none
create or replace function pgq.insert_event(queue_name text, ev_type text, ev_data text,
    ev_extra1 text, ev_extra2 text, ev_extra3 text, ev_extra4 text)
returns bigint as $$
begin
    raise warning 'insert_event(q=[%], t=[%], d=[%], 1=[%], 2=[%], 3=[%], 4=[%])',
        queue_name, ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4;
    return 1;
end;
$$ language plpgsql;
\set ECHO all
-- session_replication_role: nothing is logged in local, triggers do not fire in replica
create table tb_role (nr int4 primary key, v text);
create trigger cap_j after insert or update or delete on tb_role
    for each row execute procedure pgq.jsontriga('jq');
create trigger cap_l after insert or update or delete on tb_role
    for each row execute procedure pgq.logutriga('lq');
create trigger cap_s after insert or update or delete on tb_role
    for each row execute procedure pgq.sqltriga('sq');
create trigger skip_j before insert or update or delete on tb_role
    for each row execute procedure pgq.jsontriga('jq', 'SKIP');
create trigger skip_l before insert or update or delete on tb_role
    for each row execute procedure pgq.logutriga('lq', 'SKIP');
create trigger skip_s before insert or update or delete on tb_role
    for each row execute procedure pgq.sqltriga('sq', 'SKIP');
insert into tb_role values (1, 'origin');
select * from tb_role;
set session_replication_role = 'replica';
insert into tb_role values (2, 'replica');
update tb_role set v = 'replica2';
select * from tb_role order by nr;
set session_replication_role = 'local';
insert into tb_role values (3, 'local');
delete from tb_role where nr = 2;
select * from tb_role order by nr;
set session_replication_role = 'origin';
update tb_role set v = 'origin2' where nr = 3;
select * from tb_role order by nr;
-- SKIP needs a BEFORE trigger
create table tb_skip (nr int4 primary key);
create trigger skip_after after insert on tb_skip for each row execute procedure pgq.logutriga('q', 'SKIP');
insert into tb_skip values (1);
