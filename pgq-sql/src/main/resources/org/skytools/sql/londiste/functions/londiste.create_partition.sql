create or replace function londiste.create_partition(
    i_table text,
    i_part text,
    i_pkeys text,
    i_part_field text,
    i_part_time timestamptz,
    i_part_period text)
returns int as $$
-- ----------------------------------------------------------------------
-- Function: londiste.create_partition(6)
--
--      Creates a partition of an inheritance-partitioned table, unless it
--      exists: a child table LIKE the parent INCLUDING ALL (defaults,
--      constraints, indexes, storage, comments), owned by the parent's
--      owner, with the parent's grants, triggers and rules (and their
--      enable modes), and a CHECK constraint for its period.  Creators are
--      serialized by a lock on londiste.table_info that does not block
--      replication.
--
-- Parameters:
--      i_table         - parent table
--      i_part          - partition to create
--      i_pkeys         - primary key columns (unused: LIKE copies the key)
--      i_part_field    - column the data is partitioned by; NULL or '' for
--                        no CHECK constraint
--      i_part_time     - a time inside the partition's period
--      i_part_period   - year, month, day or hour (or yearly, monthly,
--                        daily, hourly)
--
-- Returns:
--      1 - created
--      0 - the partition existed already
-- ----------------------------------------------------------------------
declare
    parent          record;
    part            record;
    fq_table        text;
    fq_part         text;
    parent_oid      oid;
    parent_owner    text;
    period          text;
    part_start      timestamptz;
    part_end        timestamptz;
    g               record;
    tg              record;
    r               record;
    def             text;
    pos             integer;
    old_name        text;
    enable_cmd      text;
begin
    if i_table is null or i_part is null then
        raise exception 'need table and part';
    end if;

    parent := londiste.split_fqname(i_table);
    part := londiste.split_fqname(i_part);
    fq_table := quote_ident(parent.schema_part) || '.' || quote_ident(parent.name_part);
    fq_part := quote_ident(part.schema_part) || '.' || quote_ident(part.name_part);

    -- one creator at a time, without blocking the replay (it takes row locks only)
    lock table londiste.table_info in share update exclusive mode;
    parent_oid := fq_table::regclass::oid;

    perform 1
       from pg_catalog.pg_class c
       join pg_catalog.pg_namespace n on (n.oid = c.relnamespace)
      where n.nspname = part.schema_part
        and c.relname = part.name_part;
    if found then
        return 0;
    end if;

    execute 'create table ' || fq_part || ' (like ' || fq_table || ' including all)'
         || ' inherits (' || fq_table || ')';

    select pg_catalog.pg_get_userbyid(c.relowner) into parent_owner
      from pg_catalog.pg_class c
     where c.oid = parent_oid;
    if parent_owner <> current_user then
        execute 'alter table ' || fq_part || ' owner to ' || quote_ident(parent_owner);
    end if;

    if i_part_field <> '' then
        period := case i_part_period
                      when 'yearly' then 'year'
                      when 'monthly' then 'month'
                      when 'daily' then 'day'
                      when 'hourly' then 'hour'
                      else i_part_period end;
        part_start := date_trunc(period, i_part_time);
        part_end := part_start + ('1 ' || period)::interval;
        execute 'alter table ' || fq_part || ' add check ('
             || quote_ident(i_part_field) || ' >= '
             || quote_literal(to_char(part_start, 'YYYY-MM-DD HH24:MI:SS')) || ' and '
             || quote_ident(i_part_field) || ' < '
             || quote_literal(to_char(part_end, 'YYYY-MM-DD HH24:MI:SS')) || ')';
    end if;

    -- grants
    for g in
        select a.grantee, a.privilege_type, a.is_grantable
          from pg_catalog.pg_class c, aclexplode(c.relacl) a
         where c.oid = parent_oid
         order by 1, 2
    loop
        execute 'grant ' || g.privilege_type || ' on ' || fq_part || ' to '
             || case when g.grantee = 0 then 'public'
                     else quote_ident(pg_catalog.pg_get_userbyid(g.grantee)) end
             || case when g.is_grantable then ' with grant option' else '' end;
    end loop;

    -- triggers: the definition names the parent, qualified, after " ON "
    for tg in
        select t.tgname, t.tgenabled, pg_catalog.pg_get_triggerdef(t.oid) as def
          from pg_catalog.pg_trigger t
         where t.tgrelid = parent_oid
           and not t.tgisinternal
         order by t.tgname
    loop
        old_name := fq_table;
        pos := position(' ON ' || old_name || ' ' in tg.def);
        if pos = 0 then
            old_name := quote_ident(parent.name_part);
            pos := position(' ON ' || old_name || ' ' in tg.def);
        end if;
        if pos = 0 then
            raise exception 'Failed to reconstruct the trigger: %', tg.def;
        end if;
        def := overlay(tg.def placing ' ON ' || fq_part || ' '
                       from pos for char_length(' ON ' || old_name || ' '));
        execute def;

        enable_cmd := case tg.tgenabled
                          when 'O' then null
                          when 'D' then ' disable trigger '
                          when 'A' then ' enable always trigger '
                          when 'R' then ' enable replica trigger '
                      end;
        if tg.tgenabled not in ('O', 'D', 'A', 'R') then
            raise exception 'Unknown trigger mode: %', tg.tgenabled;
        end if;
        if enable_cmd is not null then
            execute 'alter table ' || fq_part || enable_cmd || quote_ident(tg.tgname);
        end if;
    end loop;

    -- rules: the definition names the parent after " TO ", and maybe in the body;
    -- every reference to the parent as a whole name is pointed at the partition
    for r in
        select rw.rulename, rw.ev_enabled, pg_catalog.pg_get_ruledef(rw.oid) as def
          from pg_catalog.pg_rewrite rw
         where rw.ev_class = parent_oid
           and rw.rulename <> '_RETURN'
         order by rw.rulename
    loop
        old_name := substring(r.def from
            ' TO ((?:"(?:[^"]|"")*"|[[:alnum:]_$]+)(?:\.(?:"(?:[^"]|"")*"|[[:alnum:]_$]+))?)');
        if old_name is null then
            raise exception 'failed to find original table name';
        end if;
        def := regexp_replace(r.def,
                   '(^|[^[:alnum:]_$."])'
                   || regexp_replace(old_name, '([.^$*+?()\[\]{}|\\])', '\\\1', 'g')
                   || '(?=[^[:alnum:]_$"]|$)',
                   '\1' || replace(fq_part, '\', '\\'), 'g');
        execute def;

        enable_cmd := case r.ev_enabled
                          when 'O' then null
                          when 'D' then ' disable rule '
                          when 'A' then ' enable always rule '
                          when 'R' then ' enable replica rule '
                      end;
        if r.ev_enabled not in ('O', 'D', 'A', 'R') then
            raise exception 'unknown rule option: %', r.ev_enabled;
        end if;
        if enable_cmd is not null then
            execute 'alter table ' || fq_part || enable_cmd || quote_ident(r.rulename);
        end if;
    end loop;

    return 1;
end;
$$ language plpgsql;
