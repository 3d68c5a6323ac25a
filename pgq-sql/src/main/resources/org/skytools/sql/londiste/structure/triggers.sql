-- Removing a table from londiste.table_info drops its replication triggers.  BEFORE, so
-- that drop_table_triggers() still sees the row and finds the destination table.
create trigger table_info_trigger_sync before delete on londiste.table_info
    for each row execute procedure londiste.table_info_trigger();
