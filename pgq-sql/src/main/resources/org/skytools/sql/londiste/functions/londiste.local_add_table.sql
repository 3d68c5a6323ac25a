create or replace function londiste.local_add_table(
    in i_queue_name text,
    in i_table_name text,
    in i_trg_args text[],
    in i_table_attrs text,
    in i_dest_table text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.local_add_table(5)
--
--      Subscribes the local node to a table of the queue and creates its
--      replication triggers.  On the root the table joins the queue (a
--      londiste.add-table event tells the other nodes); elsewhere it must
--      be known from the provider already.  The root and tables added with
--      expect_sync start in state 'ok', others wait for their copy (NULL).
--
--      On a leaf that gets the same destination table from several queues
--      (partitions merged into one table) merge_all subscribes all of them
--      at once, no_merge only this one; without either that is an error.
--      When the leaf's combined queue is a local root, the table is added
--      there too.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_table_name    - table name in the queue
--      i_trg_args      - trigger arguments and these words:
--                        expect_sync   - no copy, state 'ok'
--                        skip_truncate - adds skip_truncate=1 to the attributes
--                        merge_all     - subscribe all sources of a merged table
--                        no_merge      - subscribe this source only
--                        virtual_table - no table, no triggers, no copy
--                        no_triggers   - no triggers
--                        tgflags=, skip - see londiste.create_trigger()
--      i_table_attrs   - urlencoded table attributes (handler=...)
--      i_dest_table    - local table when named otherwise (NULL: the same)
--
-- Returns:
--      200 - Ok, or added already with the same attributes
--      301 - Added, but another AFTER trigger fires before londiste's
--      400 - No such queue, or no primary key
--      404 - No such table, or the table is not in the queue
--      405 - merge_all and no_merge, or a merge conflict
--      410 - Added already with other attributes
-- ----------------------------------------------------------------------
declare
    fq_table_name   text;
    dest            text;
    descr           text;
    new_attrs       text := i_table_attrs;
    expect_sync     boolean := false;
    merge_all       boolean := false;
    no_merge        boolean := false;
    virtual_table   boolean := false;
    arg             text;
    node            record;
    tbl             record;
    new_state       text;
    src             record;
    cq_name         text;
    cq_table        text;
    tg              record;
    first_trigger   text;
begin
    foreach arg in array coalesce(i_trg_args, '{}'::text[]) loop
        if arg = 'expect_sync' then
            expect_sync := true;
        elsif arg = 'skip_truncate' then
            new_attrs := coalesce(new_attrs || '&skip_truncate=1', 'skip_truncate=1');
        elsif arg = 'merge_all' then
            merge_all := true;
        elsif arg = 'no_merge' then
            no_merge := true;
        elsif arg = 'virtual_table' then
            virtual_table := true;
            expect_sync := true;
        end if;
    end loop;

    if merge_all and no_merge then
        select 405, 'Cannot use merge-all and no-merge together' into ret_code, ret_note;
        return;
    end if;

    fq_table_name := londiste.make_fqname(i_table_name);
    dest := londiste.make_fqname(coalesce(i_dest_table, i_table_name));
    if dest = fq_table_name then
        descr := fq_table_name;
    else
        descr := fq_table_name || '(' || dest || ')';
    end if;

    if not virtual_table then
        if londiste.find_table_oid(dest) is null then
            select 404, 'Table does not exist: ' || descr into ret_code, ret_note;
            return;
        end if;
        if position('k' in londiste.find_column_types(dest)) < 1 then
            -- the lead copy of a merged table may have dropped the key for a while
            perform 1
               from pgq_node.node_info this_node
               join pgq_node.node_info other_node
                 on (other_node.combined_queue = this_node.combined_queue
                     and other_node.queue_name <> this_node.queue_name)
               join londiste.table_info t on (t.queue_name = other_node.queue_name)
              where this_node.queue_name = i_queue_name
                and coalesce(t.dest_table, t.table_name) = dest
                and t.dropped_ddl is not null;
            if not found then
                select 400, 'Primary key missing on table: ' || descr into ret_code, ret_note;
                return;
            end if;
        end if;
    end if;

    select * into node from pgq_node.get_node_info(i_queue_name);
    if node.ret_code >= 400 then
        select 400, 'No such set: ' || i_queue_name into ret_code, ret_note;
        return;
    end if;

    select t.local, t.table_attrs into tbl
      from londiste.table_info t
     where t.queue_name = i_queue_name
       and t.table_name = fq_table_name;
    if not found then
        if node.node_type <> 'root' then
            select 404, 'Table not available on queue: ' || descr into ret_code, ret_note;
            return;
        end if;
        select f.ret_code, f.ret_note into ret_code, ret_note
          from londiste.global_add_table(i_queue_name, i_table_name) f;
        if ret_code <> 200 then
            return;
        end if;
        select t.local, t.table_attrs into tbl
          from londiste.table_info t
         where t.queue_name = i_queue_name
           and t.table_name = fq_table_name;
    end if;

    if tbl.local then
        if tbl.table_attrs is distinct from new_attrs then
            select 410, 'Table ' || descr || ' already added, but with different args: '
                        || coalesce(tbl.table_attrs, '')
              into ret_code, ret_note;
        else
            select 200, 'Table already added: ' || descr into ret_code, ret_note;
        end if;
        return;
    end if;

    if node.node_type = 'root' then
        new_state := 'ok';
        perform londiste.root_notify_change(i_queue_name, 'londiste.add-table', fq_table_name);
    elsif node.node_type = 'leaf' and node.combined_type = 'branch' then
        -- a merge-leaf on a combined branch gets its data through the combined queue
        new_state := 'ok';
    elsif expect_sync then
        new_state := 'ok';
    else
        new_state := null;
    end if;

    update londiste.table_info
       set local = true,
           merge_state = new_state,
           table_attrs = coalesce(new_attrs, londiste.table_info.table_attrs),
           dest_table = nullif(dest, fq_table_name)
     where queue_name = i_queue_name
       and table_name = fq_table_name;
    if not found then
        raise exception 'lost table: %', fq_table_name;
    end if;

    if node.node_type = 'leaf' and not no_merge then
        -- the same destination table in the other source queues of the merge
        for src in
            select t2.queue_name, t2.table_name, t2.local
              from londiste.table_info t
              join pgq_node.node_info n on (n.queue_name = t.queue_name)
              join pgq_node.node_info n2
                on (n2.combined_queue = n.combined_queue
                    or (n2.combined_queue is null and n.combined_queue is null))
              join londiste.table_info t2
                on (t2.queue_name = n2.queue_name
                    and coalesce(t2.dest_table, t2.table_name) = coalesce(t.dest_table, t.table_name))
             where t.queue_name = i_queue_name
               and t.table_name = fq_table_name
               and t2.queue_name <> i_queue_name
             order by t2.queue_name, t2.table_name
        loop
            if src.local and coalesce(new_state, 'x') <> 'ok' then
                select 405, 'Found local table ' || descr || ' in queue ' || src.queue_name
                            || ', use remove-table first to remove all previous table subscriptions'
                  into ret_code, ret_note;
                return;
            end if;
            if not merge_all and coalesce(new_state, 'x') <> 'ok' then
                select 405, 'Found multiple sources for table ' || descr
                            || ', use merge-all or no-merge to continue'
                  into ret_code, ret_note;
                return;
            end if;

            update londiste.table_info
               set local = true,
                   merge_state = new_state,
                   table_attrs = coalesce(new_attrs, londiste.table_info.table_attrs)
             where queue_name = src.queue_name
               and table_name = src.table_name;
            if not found then
                raise exception 'lost table: % on queue %', src.table_name, src.queue_name;
            end if;
        end loop;

        -- a combined root on this node replicates the merged table onwards
        select n2.queue_name, t.table_name into cq_name, cq_table
          from pgq_node.node_info n1
          join pgq_node.node_info n2 on (n2.queue_name = n1.combined_queue)
          left join londiste.table_info t
                 on (t.queue_name = n2.queue_name and t.table_name = fq_table_name and t.local)
         where n1.queue_name = i_queue_name
           and n2.node_type = 'root';
        if found and cq_table is null then
            -- the words in i_trg_args are applied there again, so the attributes go as given
            select f.ret_code, f.ret_note into ret_code, ret_note
              from londiste.local_add_table(cq_name, fq_table_name, i_trg_args,
                                            i_table_attrs, dest) f;
            if ret_code >= 300 then
                return;
            end if;
        end if;
    end if;

    select * into tg
      from londiste.create_trigger(i_queue_name, fq_table_name, i_trg_args, dest, node.node_type);
    if tg.ret_code > 299 then
        select tg.ret_code, 'Trigger creation failed for table ' || descr || ': ' || tg.ret_note
          into ret_code, ret_note;
        return;
    elsif tg.ret_code = 201 then
        select 200, 'Table added with no triggers: ' || descr into ret_code, ret_note;
        return;
    end if;

    -- an AFTER row trigger that fires before londiste's could see rows in another order
    select o.tgname into first_trigger
      from pg_catalog.pg_trigger o
      join pg_catalog.pg_trigger l
        on (l.tgrelid = o.tgrelid and l.tgname = tg.trigger_name and (l.tgtype & 3) = 1)
     where o.tgrelid = londiste.find_table_oid(dest)
       and not o.tgisinternal
       and (o.tgtype & 3) = 1
       and o.tgname < l.tgname
       and not londiste.is_replica_func(o.tgfoid)
       and substring(o.tgname from 1 for 10) <> '_londiste_'
       and o.tgname not like '%\_logger'
     order by 1
     limit 1;
    if first_trigger is not null then
        select 301, 'Table added: ' || descr || ', but londiste trigger is not first: '
                    || first_trigger
          into ret_code, ret_note;
        return;
    end if;

    select 200, 'Table added: ' || descr into ret_code, ret_note;
    return;
end;
$$ language plpgsql;

create or replace function londiste.local_add_table(
    in i_queue_name text,
    in i_table_name text,
    in i_trg_args text[],
    in i_table_attrs text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.local_add_table(4)
--
--      londiste.local_add_table(5) for a table with the same local name.
-- ----------------------------------------------------------------------
begin
    select f.ret_code, f.ret_note into ret_code, ret_note
      from londiste.local_add_table(i_queue_name, i_table_name, i_trg_args, i_table_attrs, null) f;
    return;
end;
$$ language plpgsql;

create or replace function londiste.local_add_table(
    in i_queue_name text,
    in i_table_name text,
    in i_trg_args text[],
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.local_add_table(3)
--
--      londiste.local_add_table(5) without table attributes.
-- ----------------------------------------------------------------------
begin
    select f.ret_code, f.ret_note into ret_code, ret_note
      from londiste.local_add_table(i_queue_name, i_table_name, i_trg_args, null, null) f;
    return;
end;
$$ language plpgsql;

create or replace function londiste.local_add_table(
    in i_queue_name text,
    in i_table_name text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.local_add_table(2)
--
--      londiste.local_add_table(5) with default trigger arguments.
-- ----------------------------------------------------------------------
begin
    select f.ret_code, f.ret_note into ret_code, ret_note
      from londiste.local_add_table(i_queue_name, i_table_name, null, null, null) f;
    return;
end;
$$ language plpgsql strict;
