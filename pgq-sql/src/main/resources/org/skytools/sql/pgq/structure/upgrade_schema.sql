-- Table and role changes since older releases; a no-op on a current schema.
select pgq.upgrade_schema();
-- The static inserts of pgq.insert_event_raw() for the queues that exist.
select pgq._insert_event_generate();
