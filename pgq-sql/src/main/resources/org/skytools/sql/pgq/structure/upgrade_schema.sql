-- Table and role changes since older releases; a no-op on a current schema.
select pgq.upgrade_schema();
