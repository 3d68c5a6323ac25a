-- Table and role changes since older releases; a no-op on a current schema.
select pgq.upgrade_schema();
-- pgq._insert_event(), with static inserts for the queues that exist.
select pgq._insert_event_generate();
