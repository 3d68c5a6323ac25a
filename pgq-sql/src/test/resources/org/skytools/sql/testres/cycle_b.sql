\i cycle_a.sql
