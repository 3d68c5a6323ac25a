package org.skytools.londiste.cli;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The commands of {@code londiste CONFIG.ini COMMAND}, with their argument counts and help line. */
public enum CommandCatalog {
    CREATE_ROOT("create-root", "[NODE [PUBLIC_CONNSTR]]", 0, 2, "Create the root node, installing what it needs."),
    CREATE_BRANCH("create-branch", "[NODE [PUBLIC_CONNSTR]] --provider=CONNSTR", 0, 2, "Create a branch node."),
    CREATE_LEAF("create-leaf", "[NODE [PUBLIC_CONNSTR]] --provider=CONNSTR", 0, 2, "Create a leaf node."),
    STATUS("status", "", 0, 0, "Show the cascade: nodes, lags, ticks."),
    NODE_STATUS("node-status", "", 0, 0, "Show the local node."),
    NODE_INFO("node-info", "", 0, 0, "Show the local node's name, type, provider and locations."),
    MEMBERS("members", "", 0, 0, "List the nodes of the cascade."),
    PAUSE("pause", "", 0, 0, "Pause this node's worker and wait until it stops."),
    RESUME("resume", "", 0, 0, "Resume this node's worker."),
    CHANGE_PROVIDER("change-provider", "--provider=NODE", 0, 0, "Move this node to another provider."),
    DROP_NODE("drop-node", "NODE", 1, 1, "Remove a node from the cascade."),
    TAG_DEAD("tag-dead", "NODE", 1, 1, "Mark a node dead on every live member."),
    TAG_ALIVE("tag-alive", "NODE", 1, 1, "Clear the dead mark of a node that is back, on every live member."),
    RENAME_NODE("rename-node", "OLD NEW", 2, 2, "Rename a node on every live member."),
    SHOW_CONSUMERS(
            "show-consumers",
            "[NODE]",
            0,
            1,
            "List the queue's consumers on this node (or NODE): lag, position, state."),
    TAKEOVER(
            "takeover",
            "NODE [--target=NEW] [--all] [--dead-root | --dead-branch]",
            1,
            1,
            "Take NODE's place (or let NEW take it): switchover, or failover of a dead node."),
    RESURRECT(
            "resurrect",
            "",
            0,
            0,
            "Make a failed-over old root a paused branch; lost events go to resurrect-lost-events.json."),
    WAIT_ROOT("wait-root", "", 0, 0, "Wait until this node has every tick the root had."),
    WAIT_PROVIDER("wait-provider", "", 0, 0, "Wait until this node has every tick its provider had."),
    WORKER("worker", "", 0, 0, "Run the replication worker (-d to detach)."),
    REPLAY("replay", "", 0, 0, "Alias of worker."),
    COPY("copy", "TABLE", 1, 1, "Copy one table (normally started by the worker)."),
    ADD_TABLE("add-table", "TABLE... | --all", 0, -1, "Add tables to replication."),
    REMOVE_TABLE("remove-table", "TABLE...", 1, -1, "Remove tables from replication."),
    CHANGE_HANDLER("change-handler", "TABLE --handler=NAME", 1, 1, "Change a table's handler."),
    ADD_SEQ("add-seq", "SEQ... | --all", 0, -1, "Add sequences to replication."),
    REMOVE_SEQ("remove-seq", "SEQ...", 1, -1, "Remove sequences from replication."),
    TABLES("tables", "", 0, 0, "List the tables of this node and their state."),
    SEQS("seqs", "", 0, 0, "List the sequences of this node."),
    MISSING("missing", "", 0, 0, "List the provider's tables and sequences not added here."),
    RESYNC("resync", "TABLE...", 1, -1, "Copy tables again."),
    WAIT_SYNC("wait-sync", "", 0, 0, "Wait until every table is in sync."),
    EXECUTE("execute", "FILE...", 1, -1, "Run SQL files on the root and on every node."),
    SHOW_HANDLERS("show-handlers", "[NAME...]", 0, -1, "List the table handlers."),
    CHECK("check", "[TABLE...]", 0, -1, "Compare table structures with the provider (exit code: tables that differ)."),
    FKEYS("fkeys", "", 0, 0, "Print the foreign keys dropped for a copy, as the statements that restore them."),
    COMPARE("compare", "[TABLE...]", 0, -1, "Compare tables with their provider (exit code: mismatches)."),
    REPAIR("repair", "[TABLE...]", 0, -1, "Find differing rows and write or apply the fixes.");

    private final String command;
    private final String args;
    private final int minArgs;
    private final int maxArgs;
    private final String help;

    CommandCatalog(String command, String args, int minArgs, int maxArgs, String help) {
        this.command = command;
        this.args = args;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.help = help;
    }

    public String command() {
        return command;
    }

    public int minArgs() {
        return minArgs;
    }

    /** Largest argument count, or -1 for any. */
    public int maxArgs() {
        return maxArgs;
    }

    public String args() {
        return args;
    }

    /** The command called {@code name}. */
    public static Optional<CommandCatalog> find(String name) {
        return Arrays.stream(values()).filter(c -> c.command.equals(name)).findFirst();
    }

    /** Help lines: one per command. */
    public static String[] helpLines() {
        return Arrays.stream(values())
                .map(c -> String.format("  %-16s %-40s %s", c.command, c.args, c.help))
                .toArray(String[]::new);
    }

    /** The command names, comma separated. */
    public static String names() {
        return Arrays.stream(values()).map(c -> c.command).collect(Collectors.joining(", "));
    }
}
