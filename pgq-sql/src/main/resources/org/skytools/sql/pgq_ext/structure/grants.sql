-- pgq_ext: writers of the target database use everything; version() is public
grant usage on schema pgq_ext to public;

revoke all on function pgq_ext.is_batch_done(text, text, bigint) from public;
revoke all on function pgq_ext.is_batch_done(text, bigint) from public;
revoke all on function pgq_ext.set_batch_done(text, text, bigint) from public;
revoke all on function pgq_ext.set_batch_done(text, bigint) from public;
revoke all on function pgq_ext.is_event_done(text, text, bigint, bigint) from public;
revoke all on function pgq_ext.is_event_done(text, bigint, bigint) from public;
revoke all on function pgq_ext.set_event_done(text, text, bigint, bigint) from public;
revoke all on function pgq_ext.set_event_done(text, bigint, bigint) from public;
revoke all on function pgq_ext.get_last_tick(text, text) from public;
revoke all on function pgq_ext.get_last_tick(text) from public;
revoke all on function pgq_ext.set_last_tick(text, text, bigint) from public;
revoke all on function pgq_ext.set_last_tick(text, bigint) from public;
revoke all on function pgq_ext.upgrade_schema() from public;

grant execute on function pgq_ext.is_batch_done(text, text, bigint) to pgq_writer;
grant execute on function pgq_ext.is_batch_done(text, bigint) to pgq_writer;
grant execute on function pgq_ext.set_batch_done(text, text, bigint) to pgq_writer;
grant execute on function pgq_ext.set_batch_done(text, bigint) to pgq_writer;
grant execute on function pgq_ext.is_event_done(text, text, bigint, bigint) to pgq_writer;
grant execute on function pgq_ext.is_event_done(text, bigint, bigint) to pgq_writer;
grant execute on function pgq_ext.set_event_done(text, text, bigint, bigint) to pgq_writer;
grant execute on function pgq_ext.set_event_done(text, bigint, bigint) to pgq_writer;
grant execute on function pgq_ext.get_last_tick(text, text) to pgq_writer;
grant execute on function pgq_ext.get_last_tick(text) to pgq_writer;
grant execute on function pgq_ext.set_last_tick(text, text, bigint) to pgq_writer;
grant execute on function pgq_ext.set_last_tick(text, bigint) to pgq_writer;
grant execute on function pgq_ext.upgrade_schema() to pgq_writer;
grant execute on function pgq_ext.version() to public;
