-- Schema: pgq_coop
--
--      Cooperative consumers: a main consumer whose batches are shared out
--      among subconsumers, so that several processes work on one queue.
create schema if not exists pgq_coop;
