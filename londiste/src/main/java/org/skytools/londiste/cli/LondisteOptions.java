package org.skytools.londiste.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Every londiste switch besides the shared script ones. As in londiste 3, one parser accepts them
 * all for every command; a command ignores the switches it has no use for.
 */
public final class LondisteOptions {

    // cascade
    @Option(
            names = "--provider",
            paramLabel = "CONNSTR|NODE",
            description = "Provider node: connect string or node name.")
    public String provider;

    @Option(
            names = "--target",
            paramLabel = "NODE",
            description = "takeover: the node that takes over (default: the local node).")
    public String target;

    @Option(names = "--merge", paramLabel = "QUEUE", description = "Combined queue to merge into (create-leaf).")
    public String merge;

    @Option(names = "--dead", paramLabel = "NODE", description = "Treat NODE as dead for this command (repeatable).")
    public List<String> dead = new ArrayList<>();

    @Option(names = "--dead-root", description = "The old root is dead (takeover).")
    public boolean deadRoot;

    @Option(names = "--dead-branch", description = "The old branch is dead (takeover).")
    public boolean deadBranch;

    @Option(
            names = "--sync-watermark",
            paramLabel = "NODE,NODE",
            description = "Nodes whose watermarks this branch syncs.")
    public String syncWatermark;

    @Option(names = "--nocheck", description = "Do not check that the public connect string reaches this database.")
    public boolean noCheck;

    @Option(names = "--compact", description = "status: one line per node.")
    public boolean compact;

    // position repair
    @Option(
            names = "--rewind",
            description = "Worker: move the position back to the last tick applied here, then exit.")
    public boolean rewind;

    @Option(names = "--reset", description = "Worker: move the position to the provider's, then exit.")
    public boolean reset;

    // add-table and friends
    @Option(names = "--all", description = "All tables (or sequences) of the provider not yet added.")
    public boolean all;

    @Option(names = "--wait-sync", description = "Wait until the added tables are in sync.")
    public boolean waitSync;

    @Option(
            names = "--dest-table",
            paramLabel = "NAME",
            description = "Local table name, when it differs (one table only).")
    public String destTable;

    @Option(names = "--expect-sync", description = "The table is already in sync: no copy.")
    public boolean expectSync;

    @Option(names = "--skip-truncate", description = "Do not truncate the local table before the copy.")
    public boolean skipTruncate;

    @Option(names = "--create", description = "Create a missing table: columns and primary key.")
    public boolean create;

    @Option(names = "--create-full", description = "Create a missing table with indexes, constraints, grants.")
    public boolean createFull;

    @Option(names = "--trigger-flags", paramLabel = "FLAGS", description = "Capture trigger flags (default AIUDL).")
    public String triggerFlags;

    @Option(names = "--trigger-arg", paramLabel = "ARG", description = "Extra capture trigger argument (repeatable).")
    public List<String> triggerArgs = new ArrayList<>();

    @Option(names = "--no-triggers", description = "Do not create capture triggers on the root.")
    public boolean noTriggers;

    @Option(names = "--handler", paramLabel = "NAME", description = "Table handler (see show-handlers).")
    public String handler;

    @Option(names = "--handler-arg", paramLabel = "K=V", description = "Handler argument (repeatable).")
    public List<String> handlerArgs = new ArrayList<>();

    @Option(names = "--find-copy-node", description = "Copy from the nearest node upwards that has the data.")
    public boolean findCopyNode;

    @Option(names = "--copy-node", paramLabel = "NODE", description = "Copy the table from NODE.")
    public String copyNode;

    @Option(names = "--merge-all", description = "Merge tables from all source queues.")
    public boolean mergeAll;

    @Option(names = "--no-merge", description = "Do not merge tables from source queues.")
    public boolean noMerge;

    @Option(names = "--max-parallel-copy", paramLabel = "N", description = "Copies of this table's partitions at once.")
    public Integer maxParallelCopy;

    @Option(names = "--skip-non-existing", description = "Skip tables that do not exist locally instead of failing.")
    public boolean skipNonExisting;

    @Option(names = "--names-only", description = "tables: print only the names.")
    public boolean namesOnly;

    // other
    @Option(names = "--force", description = "Go on despite checks (column mismatch, lag).")
    public boolean force;

    @Option(names = "--apply", description = "repair: apply the fixes instead of writing fix.TABLE.sql.")
    public boolean apply;

    @Option(
            names = "--repair-where",
            paramLabel = "COND",
            description = "repair: only the rows for which this SQL condition holds, on both sides.")
    public String repairWhere;

    @Option(
            names = "--sort-bufsize",
            paramLabel = "SIZE",
            description = "repair: accepted; rows come sorted from the databases, no sort files are made.")
    public String sortBufsize; // read by nothing: kept so that the newer londiste's command lines work

    @Option(names = "--count-only", description = "compare: compare row counts only.")
    public boolean countOnly;
}
