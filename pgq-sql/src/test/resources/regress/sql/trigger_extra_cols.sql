-- deprecated: columns named _pgq_ev_* override event fields
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
create table tb_cols (nr int4 primary key, col1 text, col2 text,
    _pgq_ev_type text, _pgq_ev_extra1 text, _pgq_ev_extra2 text default 'e2',
    _pgq_ev_extra3 text default 'e3', _pgq_ev_extra4 text default 'e4');
create trigger cap_j after insert or update or delete on tb_cols
    for each row execute procedure pgq.jsontriga('jq');
create trigger cap_l after insert or update or delete on tb_cols
    for each row execute procedure pgq.logutriga('lq');
create trigger cap_s after insert or update or delete on tb_cols
    for each row execute procedure pgq.sqltriga('sq');
insert into tb_cols (nr, col1, col2, _pgq_ev_type, _pgq_ev_extra1) values (1, 'col1', 'col2', 'xt', 'E1');
update tb_cols set col1 = 'col1x', col2 = 'col2x', _pgq_ev_extra1 = 'X1' where nr = 1;
-- a change of the magic columns alone
update tb_cols set _pgq_ev_extra4 = 'y4' where nr = 1;
delete from tb_cols where nr = 1;
-- an unknown magic column is an error
create table tb_cols_bad (nr int4 primary key, _pgq_ev_other text);
create trigger bad after insert on tb_cols_bad for each row execute procedure pgq.logutriga('q');
insert into tb_cols_bad values (1, 'x');
