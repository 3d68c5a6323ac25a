create or replace function pgq.maint_operations(out func_name text, out func_arg text)
returns setof record as $$
-- ----------------------------------------------------------------------
-- Function: pgq.maint_operations(0)
--
--      The maintenance calls to make, in order, each in its own transaction.
--      A function returning non-zero is called again at once.  Retry events
--      are not listed: pgq.maint_retry_events() is called separately.
--
--      1. pgq.maint_rotate_tables_step1(queue) for each queue due;
--      2. pgq.maint_rotate_tables_step2() when a rotation is listed or pending;
--      3. the queue_extra_maint functions of each queue, with the queue name;
--      4. 'vacuum' with a table name, for pgq.maint_tables_to_vacuum();
--      5. pgq_node.maint_watermark(queue) for root queues, when installed;
--      6. londiste.root_check_seqs(queue) for root queues with local
--         sequences, when installed;
--      7. londiste.periodic_maintenance(), when installed.
--
-- Returns:
--      func_name   - function to call, or 'vacuum'
--      func_arg    - its argument (queue or table name), or NULL
-- ----------------------------------------------------------------------
declare
    nrot    int4 := 0;
begin
    func_name := 'pgq.maint_rotate_tables_step1';
    for func_arg in
        select queue_name from pgq.queue
         where queue_rotation_period is not null
           and queue_switch_step2 is not null
           and queue_switch_time + queue_rotation_period < now()
         order by 1
    loop
        nrot := nrot + 1;
        return next;
    end loop;

    if nrot = 0 then
        select count(*) into nrot
          from pgq.queue
         where queue_rotation_period is not null
           and queue_switch_step2 is null;
    end if;
    if nrot > 0 then
        func_name := 'pgq.maint_rotate_tables_step2';
        func_arg := null;
        return next;
    end if;

    -- the column exists unless pgq.upgrade_schema() has not run yet
    perform 1 from pg_catalog.pg_attribute
     where attrelid = 'pgq.queue'::regclass
       and attname = 'queue_extra_maint'
       and not attisdropped;
    if found then
        for func_arg, func_name in
            execute 'select q.queue_name, m.fn'
                 || '  from pgq.queue q, unnest(q.queue_extra_maint) with ordinality m(fn, nr)'
                 || ' order by q.queue_name, m.nr'
        loop
            return next;
        end loop;
    end if;

    func_name := 'vacuum';
    for func_arg in select t from pgq.maint_tables_to_vacuum() t
    loop
        return next;
    end loop;

    -- pgq_node and londiste maintenance belongs to queue_extra_maint, but they are
    -- common enough to be listed here when installed
    perform 1
       from pg_catalog.pg_proc p
       join pg_catalog.pg_namespace n on (n.oid = p.pronamespace)
      where n.nspname = 'pgq_node'
        and p.proname = 'maint_watermark';
    if found then
        func_name := 'pgq_node.maint_watermark';
        for func_arg in
            execute 'select n.queue_name from pgq_node.node_info n'
                 || ' where n.node_type = ''root'' order by 1'
        loop
            return next;
        end loop;
    end if;

    perform 1
       from pg_catalog.pg_proc p
       join pg_catalog.pg_namespace n on (n.oid = p.pronamespace)
      where n.nspname = 'londiste'
        and p.proname = 'root_check_seqs';
    if found then
        func_name := 'londiste.root_check_seqs';
        for func_arg in
            execute 'select distinct s.queue_name from londiste.seq_info s, pgq_node.node_info n'
                 || ' where s.local and n.node_type = ''root'' and n.queue_name = s.queue_name'
                 || ' order by 1'
        loop
            return next;
        end loop;
    end if;

    perform 1
       from pg_catalog.pg_proc p
       join pg_catalog.pg_namespace n on (n.oid = p.pronamespace)
      where n.nspname = 'londiste'
        and p.proname = 'periodic_maintenance';
    if found then
        func_name := 'londiste.periodic_maintenance';
        func_arg := null;
        return next;
    end if;

    return;
end;
$$ language plpgsql;
