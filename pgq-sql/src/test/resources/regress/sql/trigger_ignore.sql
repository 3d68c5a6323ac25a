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
-- ignore=: columns left out; changes of only those columns are not logged
create table tb_ign (dat1 text primary key, col1 text, col2 text, col3 text);
create trigger cap_j after insert or update or delete on tb_ign
    for each row execute procedure pgq.jsontriga('jq', 'ignore=col2, col3');
create trigger cap_l after insert or update or delete on tb_ign
    for each row execute procedure pgq.logutriga('lq', 'ignore=col2, col3');
create trigger cap_s after insert or update or delete on tb_ign
    for each row execute procedure pgq.sqltriga('sq', 'ignore=col2, col3');
insert into tb_ign values ('a', 'a1', 'a2', 'a3');
update tb_ign set col1 = 'b1' where dat1 = 'a';
update tb_ign set col2 = 'c2' where dat1 = 'a';
update tb_ign set col2 = 'd2', col3 = null where dat1 = 'a';
update tb_ign set col1 = 'e1', col3 = 'e3' where dat1 = 'a';
update tb_ign set col1 = col1 where dat1 = 'a';
delete from tb_ign;
