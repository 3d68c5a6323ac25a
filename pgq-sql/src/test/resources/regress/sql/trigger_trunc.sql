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
-- TRUNCATE statement triggers log type R
create table tb_trunc (nr int4 primary key, v text);
insert into tb_trunc values (1, 'a');
create trigger cap_j after truncate on tb_trunc
    for each statement execute procedure pgq.jsontriga('jq');
create trigger cap_l after truncate on tb_trunc
    for each statement execute procedure pgq.logutriga('lq');
create trigger cap_s after truncate on tb_trunc
    for each statement execute procedure pgq.sqltriga('sq');
truncate tb_trunc;
-- row arguments make no sense for TRUNCATE
create table tb_trunc2 (nr int4 primary key);
create trigger t1 after truncate on tb_trunc2 for each statement execute procedure pgq.logutriga('q', 'ignore=nr');
truncate tb_trunc2;
drop trigger t1 on tb_trunc2;
create trigger t2 after truncate on tb_trunc2 for each statement execute procedure pgq.sqltriga('q', 'pkey=nr');
truncate tb_trunc2;
drop trigger t2 on tb_trunc2;
create trigger t3 after truncate on tb_trunc2 for each statement execute procedure pgq.jsontriga('q', 'backup');
truncate tb_trunc2;
drop trigger t3 on tb_trunc2;
create trigger t4 after truncate on tb_trunc2 for each statement execute procedure pgq.jsontriga('q', 'ev_extra1=nr');
truncate tb_trunc2;
drop trigger t4 on tb_trunc2;
-- and row triggers must be row triggers
create trigger t5 after insert on tb_trunc2 for each statement execute procedure pgq.logutriga('q');
insert into tb_trunc2 values (1);
