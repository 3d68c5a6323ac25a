create or replace function pgq_node.upgrade_schema()
returns int4 as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.upgrade_schema(0)
--
--      Brings the tables of an older pgq_node install up to date.  Safe to
--      run any number of times.
--
-- Returns:
--      Number of changes made.
-- ----------------------------------------------------------------------
declare
    changes int4 := 0;
begin
    perform 1 from pg_catalog.pg_attribute
     where attrelid = 'pgq_node.node_info'::regclass
       and attname = 'node_attrs'
       and not attisdropped;
    if not found then
        alter table pgq_node.node_info add column node_attrs text;
        changes := changes + 1;
    end if;

    perform 1 from pg_catalog.pg_attribute
     where attrelid = 'pgq_node.local_state'::regclass
       and attname = 'cur_error'
       and not attisdropped;
    if not found then
        alter table pgq_node.local_state add column cur_error text;
        changes := changes + 1;
    end if;

    return changes;
end;
$$ language plpgsql;
