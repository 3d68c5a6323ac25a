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

set DateStyle = 'ISO, YMD';
set timezone = 'UTC';
set extra_float_digits = 0;
-- values around the edges of what the row text shows plainly: spaces, '+', ':',
-- empty strings, NULL, commas, quotes, parentheses, backslashes, other characters
create table tb_rows (id int4 primary key, a text, b char(6), ts timestamptz, n numeric, f float8);
create trigger rows_j after insert or update or delete on tb_rows
    for each row execute procedure pgq.jsontriga('jq');
create trigger rows_l after insert or update or delete on tb_rows
    for each row execute procedure pgq.logutriga('lq');
insert into tb_rows values (1, 'plain', 'ab', '2020-02-02 10:00:00.5+02', 1.50, 2.5);
insert into tb_rows values (2, ' two  spaces   and+plus:colon ', ' ', '-infinity', 'NaN', '-0');
insert into tb_rows values (3, '', '', null, null, 1e300);
insert into tb_rows values (4, null, null, null, -1, 'Infinity');
insert into tb_rows values (5, 'a,b', 'c"d', null, 0, null);
insert into tb_rows values (6, 'f(x)', 'b\sl', null, null, null);
insert into tb_rows values (7, 'üks, kaks', E'tab\t', null, null, null);
insert into tb_rows values (8, '100%=a&b', 'x@y/z', null, null, null);
update tb_rows set a = a || ' more' where id in (1, 2, 3, 5, 6, 8);
update tb_rows set n = 1.500 where id = 1;
update tb_rows set id = 9 where id = 2;
delete from tb_rows where id in (1, 3, 4, 5);
-- a key that is not the first column, text keys with spaces and commas, two key columns
create table tb_keys (v text, k text primary key, w int4);
create trigger keys_j after insert or update or delete on tb_keys
    for each row execute procedure pgq.jsontriga('jq');
create trigger keys_l after insert or update or delete on tb_keys
    for each row execute procedure pgq.logutriga('lq');
insert into tb_keys values ('x y', 'k 1', 1), ('a,b', 'k,2', 2), (null, 'k3', 3);
update tb_keys set w = w + 10;
update tb_keys set k = 'k 9' where k = 'k 1';
update tb_keys set k = 'k,9' where k = 'k,2';
update tb_keys set k = 'k,3' where k = 'k3';
delete from tb_keys;
create table tb_keys2 (a int4, b text, c text, primary key (a, b));
create trigger keys2_j after insert or update or delete on tb_keys2
    for each row execute procedure pgq.jsontriga('jq');
create trigger keys2_l after insert or update or delete on tb_keys2
    for each row execute procedure pgq.logutriga('lq');
insert into tb_keys2 values (1, 'b', 'c');
update tb_keys2 set c = 'd';
update tb_keys2 set b = 'e';
delete from tb_keys2;
-- one column, and no column at all
create table tb_one (v text);
create trigger one_j after insert on tb_one for each row execute procedure pgq.jsontriga('jq');
create trigger one_l after insert on tb_one for each row execute procedure pgq.logutriga('lq');
insert into tb_one values (null), (''), ('v');
create table tb_none ();
create trigger none_j after insert on tb_none for each row execute procedure pgq.jsontriga('jq');
create trigger none_l after insert on tb_none for each row execute procedure pgq.logutriga('lq');
insert into tb_none default values;
-- domains: numbers print as strings in JSON, bool and text as their base type does not
create domain d_int as int4;
create domain d_num as numeric(6, 2);
create domain d_text as text;
create domain d_bool as bool;
create table tb_dom (id int4 primary key, i d_int, n d_num, t d_text, r real);
create trigger dom_j after insert or update or delete on tb_dom
    for each row execute procedure pgq.jsontriga('jq');
insert into tb_dom values (1, -5, 12.5, 'x', 1.25), (2, null, null, null, null);
update tb_dom set n = 99.99 where id = 1;
alter table tb_dom add column b d_bool default true;
insert into tb_dom values (3, 7, 0.1, 'y', -2, false);
