create or replace function pgq._trg_eqmode(typ oid, typmod int4, coll oid)
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_eqmode(3)
--
--      Chooses how UPDATE change detection compares old and new values
--      of a column.  Like the original triggers it uses the equality
--      operator of the type's default btree (or hash) operator class;
--      arrays and types without one are compared as text.  Types whose
--      equal values always print the same need no more than the text
--      comparison and get ''.
--
-- Parameters:
--      typ, typmod, coll - column type, type modifier and collation
--
-- Returns:
--      '' or a mode understood by pgq._trg_eq().
-- ----------------------------------------------------------------------
declare
    t           record;
    collsql     text := '';
    opr         text;
    tname       text;
begin
    -- domains compare like their base type
    loop
        select oid, typtype, typbasetype, typtypmod, typcategory, typelem, typlen, typcollation
          into t from pg_catalog.pg_type where oid = typ;
        exit when t.typtype <> 'd';
        typ := t.typbasetype;
        typmod := t.typtypmod;
    end loop;

    if coll <> 0 and coll <> 100
       and exists (select 1 from pg_catalog.pg_collation
                    where oid = coll and not collisdeterministic)
    then
        select ' collate ' || quote_ident(n.nspname) || '.' || quote_ident(c.collname)
          into collsql
          from pg_catalog.pg_collation c join pg_catalog.pg_namespace n on n.oid = c.collnamespace
         where c.oid = coll;
    elsif t.typcategory = 'A' or (t.typelem <> 0 and t.typlen = -1) then
        return '';
    elsif typ in ('pg_catalog.bool'::regtype, 'pg_catalog.bytea'::regtype, 'pg_catalog.char'::regtype,
                  'pg_catalog.name'::regtype, 'pg_catalog.int8'::regtype, 'pg_catalog.int2'::regtype,
                  'pg_catalog.int4'::regtype, 'pg_catalog.text'::regtype, 'pg_catalog.oid'::regtype,
                  'pg_catalog.varchar'::regtype, 'pg_catalog.date'::regtype, 'pg_catalog.time'::regtype,
                  'pg_catalog.timetz'::regtype, 'pg_catalog.timestamp'::regtype,
                  'pg_catalog.timestamptz'::regtype, 'pg_catalog.uuid'::regtype,
                  'pg_catalog.jsonb'::regtype, 'pg_catalog.money'::regtype, 'pg_catalog.inet'::regtype,
                  'pg_catalog.cidr'::regtype, 'pg_catalog.macaddr'::regtype,
                  'pg_catalog.macaddr8'::regtype, 'pg_catalog.bit'::regtype,
                  'pg_catalog.varbit'::regtype, 'pg_catalog.pg_lsn'::regtype,
                  'pg_catalog.tid'::regtype, 'pg_catalog.xid'::regtype)
          or t.typtype = 'e'
    then
        return '';
    elsif typ = 'pg_catalog.bpchar'::regtype then
        return case when typmod >= 0 then '' else 'C' end;
    elsif typ = 'pg_catalog.numeric'::regtype then
        return 'N';
    elsif typ = 'pg_catalog.float8'::regtype then
        return 'F';
    elsif typ = 'pg_catalog.float4'::regtype then
        return 'f';
    elsif typ = 'pg_catalog.interval'::regtype then
        return 'I';
    end if;

    tname := pg_catalog.format_type(typ, typmod);
    if t.typtype in ('c', 'r', 'm') or collsql <> '' then
        opr := 'operator(pg_catalog.=)';
    else
        select 'operator(' || quote_ident(n.nspname) || '.' || o.oprname || ')' into opr
          from pg_catalog.pg_opclass oc
          join pg_catalog.pg_am am on am.oid = oc.opcmethod
          join pg_catalog.pg_amop ao on ao.amopfamily = oc.opcfamily
                                   and ao.amoplefttype = oc.opcintype
                                   and ao.amoprighttype = oc.opcintype
                                   and ao.amopstrategy = case am.amname when 'btree' then 3 else 1 end
          join pg_catalog.pg_operator o on o.oid = ao.amopopr
          join pg_catalog.pg_namespace n on n.oid = o.oprnamespace
         where oc.opcdefault and am.amname in ('btree', 'hash') and oc.opcintype = typ
         order by am.amname = 'btree' desc
         limit 1;
        if opr is null then
            return '';
        end if;
    end if;
    return 'X' || format('select ($1::%s%s) %s ($2::%s%s)', tname, collsql, opr, tname, collsql);
end;
$$ language plpgsql stable;
