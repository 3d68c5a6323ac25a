set client_min_messages = 'warning';
\set VERBOSITY 'terse'

--
-- sequences
--

create sequence masterseq;
create sequence slaveseq;

select * from pgq_node.register_location('seqroot', 'rnode', 'dbname=db', false);
select * from pgq_node.create_node('seqroot', 'root', 'rnode', 'londiste_root', null::text, null::int8, null::text);

select * from londiste.local_add_seq('seqroot', 'masterseq');
select * from londiste.local_add_seq('seqroot', 'masterseq');
select * from londiste.root_check_seqs('seqroot');
select * from londiste.local_remove_seq('seqroot', 'masterseq');
select * from londiste.local_remove_seq('seqroot', 'masterseq');

select * from londiste.get_seq_list('seqroot');

select ev_id, ev_type, ev_data, ev_extra1 from pgq.event_template where ev_type like '%seq%';

-- subscriber
select * from pgq_node.register_location('seqbranch', 'subnode', 'dbname=db', false);
select * from pgq_node.register_location('seqbranch', 'rootnode', 'dbname=db', false);
select * from pgq_node.create_node('seqbranch', 'branch', 'subnode', 'londiste_branch', 'rootnode', 1, null::text);

select * from londiste.local_add_seq('seqbranch', 'masterseq');
select * from londiste.global_update_seq('seqbranch', 'masterseq', 5);
select * from londiste.local_add_seq('seqbranch', 'masterseq');
select * from londiste.root_check_seqs('seqbranch');
select * from londiste.get_seq_list('seqbranch');
select * from londiste.local_remove_seq('seqbranch', 'masterseq');
select * from londiste.local_remove_seq('seqbranch', 'masterseq');

-- seq auto-removal
create table seqtable (
    id1 serial primary key,
    id2 bigserial not null
);

select * from londiste.local_add_table('seqroot', 'seqtable');
select * from londiste.local_add_seq('seqroot', 'seqtable_id1_seq');
select * from londiste.local_add_seq('seqroot', 'seqtable_id2_seq');

select * from londiste.get_table_list('seqroot');
select * from londiste.get_seq_list('seqroot');

select * from londiste.local_remove_table('seqroot', 'seqtable');

select * from londiste.get_seq_list('seqroot');

-- L-38: the root publishes real value + 3 * buffer once the buffer is used up
select * from londiste.local_add_seq('seqroot', 'slaveseq');
select last_value from londiste.seq_info where seq_name = 'public.slaveseq';
select setval('slaveseq', 15000);
select * from londiste.root_check_seqs('seqroot');
select last_value from londiste.seq_info where seq_name = 'public.slaveseq';
select setval('slaveseq', 20001);
select * from londiste.root_check_seqs('seqroot');
select last_value from londiste.seq_info where seq_name = 'public.slaveseq';
select * from londiste.root_check_seqs('seqroot', 5);
select last_value from londiste.seq_info where seq_name = 'public.slaveseq';
select setval('slaveseq', 49950);
select * from londiste.root_check_seqs('seqroot', 100);
select last_value from londiste.seq_info where seq_name = 'public.slaveseq';
select ev_type, ev_data, ev_extra1 from pgq.event_template where ev_extra1 = 'public.slaveseq' order by ev_id;
select * from londiste.global_update_seq('seqroot', 'slaveseq', 1);
select * from londiste.global_update_seq('noqueue', 'slaveseq', 1);

-- L-39: subscribers move their sequences forward only
select * from londiste.global_update_seq('seqbranch', 'slaveseq', 50000);
select * from londiste.local_add_seq('seqbranch', 'slaveseq');
select last_value from slaveseq;
select * from londiste.global_update_seq('seqbranch', 'slaveseq', 40000);
select last_value from slaveseq;
select * from londiste.global_update_seq('seqbranch', 'slaveseq', 60000);
select last_value from slaveseq;
select * from londiste.local_add_seq('seqbranch', 'no_such_seq');
select * from londiste.global_remove_seq('seqbranch', 'slaveseq');
select * from londiste.global_remove_seq('seqbranch', 'slaveseq');
