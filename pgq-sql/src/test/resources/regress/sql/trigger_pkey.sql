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
-- pkey=: key columns named in the trigger
create table tb_pkey (nr int4, col1 text, col2 text);
create trigger cap_j after insert or update or delete on tb_pkey
    for each row execute procedure pgq.jsontriga('jq', 'pkey=nr,col1');
create trigger cap_l after insert or update or delete on tb_pkey
    for each row execute procedure pgq.logutriga('lq', 'pkey=nr,col1');
create trigger cap_s after insert or update or delete on tb_pkey
    for each row execute procedure pgq.sqltriga('sq', 'pkey=nr,col1');
insert into tb_pkey values (1, 'col1', 'col2');
update tb_pkey set col2 = 'col2x' where nr = 1;
update tb_pkey set col1 = 'col1x' where nr = 1;
delete from tb_pkey where nr = 1;
-- the table's own primary key is replaced
create table tb_pkey2 (id int4 primary key, code text, v text);
create trigger cap_j after insert or update or delete on tb_pkey2
    for each row execute procedure pgq.jsontriga('jq', 'pkey=code');
create trigger cap_l after insert or update or delete on tb_pkey2
    for each row execute procedure pgq.logutriga('lq', 'pkey=code');
create trigger cap_s after insert or update or delete on tb_pkey2
    for each row execute procedure pgq.sqltriga('sq', 'pkey=code');
insert into tb_pkey2 values (1, 'c', 'v');
update tb_pkey2 set v = 'w';
update tb_pkey2 set id = 2;
delete from tb_pkey2;
-- a key column with a NULL value
create table tb_pkey3 (a int4, b text);
create trigger cap_j after insert or update or delete on tb_pkey3
    for each row execute procedure pgq.jsontriga('jq', 'pkey=a');
create trigger cap_l after insert or update or delete on tb_pkey3
    for each row execute procedure pgq.logutriga('lq', 'pkey=a');
create trigger cap_s after insert or update or delete on tb_pkey3
    for each row execute procedure pgq.sqltriga('sq', 'pkey=a');
insert into tb_pkey3 values (null, 'x');
update tb_pkey3 set b = 'y';
delete from tb_pkey3;
