package org.skytools.qadmin.lang;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One parsed qadmin statement; the records below are every form of the language. */
public sealed interface Statement {

    /** A name, or {@code *} for every object of its kind. */
    record Target(String name) {
        /** The {@code *} target. */
        public static final Target ALL = new Target(null);

        /** Whether this is {@code *}. */
        public boolean isAll() {
            return name == null;
        }

        @Override
        public String toString() {
            return name == null ? "*" : name;
        }
    }

    /** {@code connect key=value ...;} with keys dbname, host, port, user, password, queue, node. */
    record Connect(Map<String, String> params) implements Statement {
        public Connect {
            params = Map.copyOf(params);
        }
    }

    /** The two modules {@code install} knows. */
    enum Module {
        PGQ,
        LONDISTE
    }

    /** {@code install pgq;} or {@code install londiste;}. */
    record Install(Module module) implements Statement {}

    /** {@code create queue Q;}. */
    record CreateQueue(String queue) implements Statement {}

    /** {@code drop queue Q;}. */
    record DropQueue(String queue) implements Statement {}

    /** {@code alter queue Q|* set key=value, ...;}; keys are pgq.queue column names without {@code queue_}. */
    record AlterQueue(Target queue, Map<String, String> settings) implements Statement {
        public AlterQueue {
            settings = Map.copyOf(settings);
        }
    }

    /** {@code register consumer C [on Q] [at TICK] [copy OTHER];}; null means not given. */
    record RegisterConsumer(String consumer, String queue, Long atTick, String copyFrom) implements Statement {}

    /** {@code unregister consumer C|* [from Q];}. */
    record UnregisterConsumer(Target consumer, String queue) implements Statement {}

    /** {@code register subconsumer S for C [on Q];}. */
    record RegisterSubconsumer(String subconsumer, String consumer, String queue) implements Statement {}

    /** {@code unregister subconsumer S|* for C [from Q] [close [batch]];}. */
    record UnregisterSubconsumer(Target subconsumer, String consumer, String queue, boolean closeBatch)
            implements Statement {}

    /** {@code show help;}. */
    record ShowHelp() implements Statement {}

    /** {@code show version;}. */
    record ShowVersion() implements Statement {}

    /** {@code show queue [Q|*];}; null queue means the default queue, or all without one. */
    record ShowQueue(Target queue) implements Statement {}

    /** {@code show consumer [C|*] [on Q|*];}. */
    record ShowConsumer(Target consumer, Target queue) implements Statement {}

    /** {@code show node [N|*] [on Q|*];}. */
    record ShowNode(Target node, Target queue) implements Statement {}

    /** {@code show table T;}; the name as dot-separated unquoted parts. */
    record ShowTable(List<String> table) implements Statement {
        public ShowTable {
            table = List.copyOf(table);
        }
    }

    /** {@code show sequence S;}. */
    record ShowSequence(List<String> sequence) implements Statement {
        public ShowSequence {
            sequence = List.copyOf(sequence);
        }
    }

    /** {@code show batch ID;} or {@code show batch CONSUMER;}: exactly one of the two is set. */
    record ShowBatch(Long batchId, String consumer) implements Statement {}

    /** {@code londiste add table T, ... [with ...];}; {@code args} as londiste.local_add_table takes them. */
    record LondisteAddTable(List<String> tables, List<String> args) implements Statement {
        public LondisteAddTable {
            tables = List.copyOf(tables);
            args = List.copyOf(args);
        }
    }

    /** {@code londiste add sequence S, ...;}. */
    record LondisteAddSequence(List<String> sequences) implements Statement {
        public LondisteAddSequence {
            sequences = List.copyOf(sequences);
        }
    }

    /** {@code londiste remove table T, ...;}. */
    record LondisteRemoveTable(List<String> tables) implements Statement {
        public LondisteRemoveTable {
            tables = List.copyOf(tables);
        }
    }

    /** {@code londiste remove sequence S, ...;}. */
    record LondisteRemoveSequence(List<String> sequences) implements Statement {
        public LondisteRemoveSequence {
            sequences = List.copyOf(sequences);
        }
    }

    /** The three londiste listings of the default queue. */
    enum Listing {
        TABLES,
        SEQS,
        MISSING
    }

    /** {@code londiste tables;}, {@code londiste seqs;} or {@code londiste missing;}. */
    record LondisteList(Listing listing) implements Statement {}

    /** {@code exit;} or {@code \q}. */
    record Exit() implements Statement {}

    /**
     * Anything else, sent to the server as written.
     *
     * @param sql the statement text without the closing {@code ;}
     * @param offset where the text starts in the parsed source, to point at server error positions
     */
    record Sql(String sql, int offset) implements Statement {
        public Sql {
            Objects.requireNonNull(sql, "sql");
        }
    }
}
