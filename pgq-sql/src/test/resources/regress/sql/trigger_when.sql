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
-- when=: only rows for which the expression is true are logged
create table tb_when (nr int4 primary key, col1 text, col2 text);
create trigger cap_j after insert or update or delete on tb_when
    for each row execute procedure pgq.jsontriga('jq', 'when=col2=''foo''');
create trigger cap_l after insert or update or delete on tb_when
    for each row execute procedure pgq.logutriga('lq', 'when=col2=''foo''');
create trigger cap_s after insert or update or delete on tb_when
    for each row execute procedure pgq.sqltriga('sq', 'when=col2=''foo''');
insert into tb_when values (1, 'col1', 'col2');
insert into tb_when values (2, 'col1', 'foo');
update tb_when set col2 = 'foo' where nr = 1;
delete from tb_when where nr = 2;
-- NULL and non-boolean results are errors
insert into tb_when values (3, 'col1', null);
create table tb_when2 (nr int4 primary key);
create trigger w after insert on tb_when2 for each row execute procedure pgq.jsontriga('q', 'when=nr');
insert into tb_when2 values (1);
