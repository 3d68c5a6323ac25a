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

-- row changes of a table with a primary key
create table tb_base (id serial primary key, label text, amount float8);
create trigger cap_j after insert or update or delete on tb_base
    for each row execute procedure pgq.jsontriga('jq');
create trigger cap_l after insert or update or delete on tb_base
    for each row execute procedure pgq.logutriga('lq');
create trigger cap_s after insert or update or delete on tb_base
    for each row execute procedure pgq.sqltriga('sq');
insert into tb_base (label) values ('first');
insert into tb_base (amount) values (2.25);
update tb_base set label = 'first again' where id = 1;
update tb_base set label = label where id = 1;
delete from tb_base where id = 2;
-- without a primary key only INSERT is allowed
create table tb_nopk (v text);
create trigger cap_j after insert or update or delete on tb_nopk
    for each row execute procedure pgq.jsontriga('jq');
create trigger cap_l after insert or update or delete on tb_nopk
    for each row execute procedure pgq.logutriga('lq');
create trigger cap_s after insert or update or delete on tb_nopk
    for each row execute procedure pgq.sqltriga('sq');
insert into tb_nopk values ('x');
update tb_nopk set v = 'y';
delete from tb_nopk;
-- the primary key must not change
create table tb_pkchg (id int4 primary key, v text);
insert into tb_pkchg values (1, 'a');
create trigger cap_j after insert or update or delete on tb_pkchg
    for each row execute procedure pgq.jsontriga('jq');
create trigger cap_l after insert or update or delete on tb_pkchg
    for each row execute procedure pgq.logutriga('lq');
create trigger cap_s after insert or update or delete on tb_pkchg
    for each row execute procedure pgq.sqltriga('sq');
update tb_pkchg set id = 2;
update tb_pkchg set v = 'b';
-- BEFORE triggers pass the row on; a bad argument is an error
create table tb_before (id int4 primary key, v text);
create trigger cap_j before insert or update or delete on tb_before
    for each row execute procedure pgq.jsontriga('jq');
create trigger cap_l before insert or update or delete on tb_before
    for each row execute procedure pgq.logutriga('lq');
create trigger cap_s before insert or update or delete on tb_before
    for each row execute procedure pgq.sqltriga('sq');
insert into tb_before values (1, 'kept');
select * from tb_before;
create table tb_badarg (id int4 primary key);
create trigger bad after insert on tb_badarg for each row execute procedure pgq.logutriga('q', 'nonsense');
insert into tb_badarg values (1);
create table tb_noarg (id int4 primary key);
create trigger noarg after insert on tb_noarg for each row execute procedure pgq.sqltriga();
insert into tb_noarg values (1);
create table tb_stmt (id int4 primary key);
create trigger stmt after insert on tb_stmt for each statement execute procedure pgq.jsontriga('q');
insert into tb_stmt values (1);
