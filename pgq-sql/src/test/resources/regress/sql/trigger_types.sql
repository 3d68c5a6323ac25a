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
set bytea_output = 'hex';
set extra_float_digits = 0;
-- one table per type: the value, an array of it, an UPDATE and a DELETE
\set ECHO none
create function typetest(typ text, val text, val2 text) returns void as $$
begin
    execute 'create table ttest (nr int4 primary key, val ' || typ || ' default ' || quote_nullable(val)
        || ', arr ' || typ || '[] default array[' || quote_nullable(val) || ',' || quote_nullable(val)
        || ']::' || typ || '[])';
    execute 'create trigger types_j after insert or update or delete on ttest'
        || ' for each row execute procedure pgq.jsontriga(''jq'')';
    execute 'create trigger types_l after insert or update or delete on ttest'
        || ' for each row execute procedure pgq.logutriga(''lq'')';
    execute 'create trigger types_s after insert or update or delete on ttest'
        || ' for each row execute procedure pgq.sqltriga(''sq'')';
    execute 'insert into ttest (nr) values (1)';
    execute 'update ttest set val = ' || quote_nullable(val2) || ' where nr = 1';
    execute 'delete from ttest';
    execute 'drop table ttest';
end;
$$ language plpgsql;
\set ECHO all
select typetest('text', null, 'x');
select typetest('text', $$'"quoted\string$%,@"'$$, e'tab\there');
select typetest('text', 'õäöü €', '');
select typetest('varchar(8)', 'a b,c', 'NULL');
select typetest('char(4)', 'ab', 'ab ');
select typetest('bytea', $$\x00FF01$$, $$\x00ff01$$);
select typetest('bool', 'true', 'false');
select typetest('timestamptz', '2009-09-19 11:59:48.599', 'infinity');
select typetest('timestamp', '2009-09-19 11:59:48.599', '2009-09-19 11:59:48');
select typetest('date', '2009-09-19', '-infinity');
select typetest('time', '11:59:48.599', '23:59');
select typetest('interval', '2 minutes', '120 seconds');
select typetest('int2', '10010', '-1');
select typetest('int4', '100100100', '0');
select typetest('int8', '9223372036854775807', '-9223372036854775808');
select typetest('oid', '100200300', '1');
select typetest('real', '100100.666', '-0');
select typetest('float', '100100.6005005665', 'NaN');
select typetest('numeric(40,15)', '100100.600500566501811', '100100.6005005665018110');
select typetest('numeric', '1.0', '1.00');
select typetest('box', '((1.1, 2.1), (5.6, 5.7))', '((5.6,5.7),(1.1,2.1))');
select typetest('uuid', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11');
select typetest('json', '{"a": [false, null, true]}', '[1,2,3]');
select typetest('jsonb', '{"b": 1, "a": "x"}', '"s"');
select typetest('inet', '10.0.0.1', '10.0.0.1/24');
select typetest('tid', '100200300', '(1,1)');
