-- pgq_coop: consumers use everything through pgq_reader; version() is public
grant usage on schema pgq_coop to public;

revoke all on function pgq_coop.register_subconsumer(text, text, text) from public;
revoke all on function pgq_coop.unregister_subconsumer(text, text, text, integer) from public;
revoke all on function pgq_coop.next_batch(text, text, text) from public;
revoke all on function pgq_coop.next_batch(text, text, text, interval) from public;
revoke all on function pgq_coop.next_batch_custom(text, text, text, interval, int4, interval) from public;
revoke all on function pgq_coop.next_batch_custom(text, text, text, interval, int4, interval, interval) from public;
revoke all on function pgq_coop.finish_batch(bigint) from public;

grant execute on function pgq_coop.register_subconsumer(text, text, text) to pgq_reader;
grant execute on function pgq_coop.unregister_subconsumer(text, text, text, integer) to pgq_reader;
grant execute on function pgq_coop.next_batch(text, text, text) to pgq_reader;
grant execute on function pgq_coop.next_batch(text, text, text, interval) to pgq_reader;
grant execute on function pgq_coop.next_batch_custom(text, text, text, interval, int4, interval) to pgq_reader;
grant execute on function pgq_coop.next_batch_custom(text, text, text, interval, int4, interval, interval) to pgq_reader;
grant execute on function pgq_coop.finish_batch(bigint) to pgq_reader;
grant execute on function pgq_coop.version() to public;
