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
-- deny: every change is refused, TRUNCATE too
create table tb_deny (id int4 primary key, v text);
insert into tb_deny values (1, 'a');
create trigger cap_j after insert or update or delete on tb_deny
    for each row execute procedure pgq.jsontriga('jq', 'deny');
create trigger cap_l after insert or update or delete on tb_deny
    for each row execute procedure pgq.logutriga('lq', 'deny');
create trigger cap_s after insert or update or delete on tb_deny
    for each row execute procedure pgq.sqltriga('sq', 'deny');
create trigger capt_j after truncate on tb_deny
    for each statement execute procedure pgq.jsontriga('jq', 'deny');
create trigger capt_l after truncate on tb_deny
    for each statement execute procedure pgq.logutriga('lq', 'deny');
create trigger capt_s after truncate on tb_deny
    for each statement execute procedure pgq.sqltriga('sq', 'deny');
insert into tb_deny values (2, 'b');
update tb_deny set v = 'c';
delete from tb_deny;
truncate tb_deny;
select * from tb_deny;
-- deny wins over a missing primary key only for INSERT
create table tb_deny_nopk (v text);
insert into tb_deny_nopk values ('a');
create trigger cap_j after insert or update or delete on tb_deny_nopk
    for each row execute procedure pgq.jsontriga('jq', 'deny');
create trigger cap_l after insert or update or delete on tb_deny_nopk
    for each row execute procedure pgq.logutriga('lq', 'deny');
create trigger cap_s after insert or update or delete on tb_deny_nopk
    for each row execute procedure pgq.sqltriga('sq', 'deny');
insert into tb_deny_nopk values ('b');
update tb_deny_nopk set v = 'c';
