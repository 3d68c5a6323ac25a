create or replace function pgq.create_queue(i_queue_name text)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq.create_queue(1)
--
--      Creates a queue: its row in pgq.queue, the tick and event sequences,
--      the parent event table and its data tables with their ev_txid index.
--      Grants and storage settings are applied and the first tick is made, so
--      consumers can register at once.  pgq._insert_event() is made
--      again to insert into the new tables.
--
-- Parameters:
--      i_queue_name    - name of the new queue
--
-- Returns:
--      0 - queue already exists
--      1 - queue created
-- ----------------------------------------------------------------------
declare
    qid         integer;
    data_pfx    text;
    ev_seq      text;
    tick_seq    text;
    ntables     integer;
    tbl         text;
begin
    if i_queue_name is null then
        raise exception 'Invalid NULL value';
    end if;

    perform 1 from pgq.queue where queue_name = i_queue_name;
    if found then
        return 0;
    end if;

    qid := nextval('pgq.queue_queue_id_seq');
    data_pfx := 'pgq.event_' || qid::text;
    ev_seq := data_pfx || '_id_seq';
    tick_seq := data_pfx || '_tick_seq';

    insert into pgq.queue (queue_id, queue_name, queue_data_pfx, queue_event_seq, queue_tick_seq)
        values (qid, i_queue_name, data_pfx, ev_seq, tick_seq)
        returning queue_ntables into ntables;

    execute 'create sequence ' || pgq.quote_fqname(tick_seq);
    execute 'create sequence ' || pgq.quote_fqname(ev_seq);

    execute 'create table ' || pgq.quote_fqname(data_pfx) || ' () inherits (pgq.event_template)';
    for i in 0 .. ntables - 1 loop
        tbl := data_pfx || '_' || i::text;
        execute 'create table ' || pgq.quote_fqname(tbl) || ' () inherits ('
            || pgq.quote_fqname(data_pfx) || ')';
        execute 'alter table ' || pgq.quote_fqname(tbl) || ' alter column ev_id set default nextval('
            || quote_literal(ev_seq) || ')';
        -- batch selection is a range scan on ev_txid
        execute 'create index ' || quote_ident('event_' || qid::text || '_' || i::text || '_txid_idx')
            || ' on ' || pgq.quote_fqname(tbl) || ' (ev_txid)';
    end loop;

    perform pgq.grant_perms(i_queue_name);
    perform pgq.ticker(i_queue_name);
    perform pgq.tune_storage(i_queue_name);
    perform pgq._insert_event_generate();

    return 1;
end;
$$ language plpgsql security definer;
