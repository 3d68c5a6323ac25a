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
-- event fields from expressions over the row
create table tb_args (nr int4 primary key, col1 text, col2 text);
create trigger cap_j after insert or update or delete on tb_args
    for each row execute procedure pgq.jsontriga('jq',
    'ev_extra1=(nr+3)::text', 'ev_extra2=col1||col2', 'ev_extra3=$$333$$',
    'ev_extra4=upper(col1)', 'ev_type=$$custom$$');
create trigger cap_l after insert or update or delete on tb_args
    for each row execute procedure pgq.logutriga('lq',
    'ev_extra1=(nr+3)::text', 'ev_extra2=col1||col2', 'ev_extra3=$$333$$',
    'ev_extra4=upper(col1)', 'ev_type=$$custom$$');
create trigger cap_s after insert or update or delete on tb_args
    for each row execute procedure pgq.sqltriga('sq',
    'ev_extra1=(nr+3)::text', 'ev_extra2=col1||col2', 'ev_extra3=$$333$$',
    'ev_extra4=upper(col1)', 'ev_type=$$custom$$');
insert into tb_args values (1, 'col1', 'col2');
update tb_args set col1 = 'col1x', col2 = 'col2x' where nr = 1;
delete from tb_args where nr = 1;
-- NULL results, ev_data, non-text results and repeated arguments
create table tb_args2 (id int4 primary key, v text, n int4);
create trigger cap_j after insert or update or delete on tb_args2
    for each row execute procedure pgq.jsontriga('jq',
    'ev_data=v', 'ev_extra1=n > 1', 'ev_extra2=null', 'ev_extra3=$$first$$', 'ev_extra3=$$second$$');
create trigger cap_l after insert or update or delete on tb_args2
    for each row execute procedure pgq.logutriga('lq',
    'ev_data=v', 'ev_extra1=n > 1', 'ev_extra2=null', 'ev_extra3=$$first$$', 'ev_extra3=$$second$$');
create trigger cap_s after insert or update or delete on tb_args2
    for each row execute procedure pgq.sqltriga('sq',
    'ev_data=v', 'ev_extra1=n > 1', 'ev_extra2=null', 'ev_extra3=$$first$$', 'ev_extra3=$$second$$');
insert into tb_args2 values (1, 'payload', 2);
insert into tb_args2 values (2, null, null);
-- errors in expressions
create table tb_args3 (id int4 primary key);
create trigger bad_col after insert on tb_args3
    for each row execute procedure pgq.logutriga('q', 'ev_extra1=nosuchcol');
insert into tb_args3 values (1);
drop trigger bad_col on tb_args3;
create trigger bad_syntax after insert on tb_args3
    for each row execute procedure pgq.sqltriga('q', 'ev_extra1=$$unterminated');
insert into tb_args3 values (1);
