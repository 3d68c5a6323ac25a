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
-- backup: the old row goes into ev_extra2, for UPDATE only
create table tb_backup (id int4 primary key, name text, score numeric, seen timestamptz);
set timezone = 'UTC';
create trigger cap_j after insert or update or delete on tb_backup
    for each row execute procedure pgq.jsontriga('jq', 'backup');
create trigger cap_l after insert or update or delete on tb_backup
    for each row execute procedure pgq.logutriga('lq', 'backup');
create trigger cap_s after insert or update or delete on tb_backup
    for each row execute procedure pgq.sqltriga('sq', 'backup');
insert into tb_backup values (1, 'ann', 1.5, '2020-02-02 10:00:00+00');
update tb_backup set name = 'anna', seen = null where id = 1;
update tb_backup set score = 1.50 where id = 1;
delete from tb_backup;
