create or replace function pgq._grant_perms_from(src_schema text, src_table text, dst_schema text, dst_table text)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq._grant_perms_from(4)
--
--      Copies the table privileges of one table to another (CREATE TABLE ...
--      LIKE and INHERITS do not copy grants).  The owner's own privileges are
--      implicit and are skipped.
--
-- Returns:
--      1
-- ----------------------------------------------------------------------
declare
    dst     text;
    g       record;
    sql     text;
begin
    dst := quote_ident(dst_schema) || '.' || quote_ident(dst_table);
    for g in
        select a.grantee, a.privilege_type, a.is_grantable
          from pg_catalog.pg_class c
          join pg_catalog.pg_namespace n on (n.oid = c.relnamespace)
          cross join lateral pg_catalog.aclexplode(c.relacl) a
         where n.nspname = src_schema
           and c.relname = src_table
           and a.grantee <> c.relowner
         order by 1, 2
    loop
        sql := 'grant ' || g.privilege_type || ' on ' || dst || ' to ';
        if g.grantee = 0 then
            sql := sql || 'public';
        else
            sql := sql || quote_ident(pg_catalog.pg_get_userbyid(g.grantee));
        end if;
        if g.is_grantable then
            sql := sql || ' with grant option';
        end if;
        execute sql;
    end loop;
    return 1;
end;
$$ language plpgsql strict;
