package org.skytools.londiste.setadm;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.skytools.common.cli.ScriptLauncher;
import org.skytools.common.cli.ScriptOptions;
import org.skytools.common.cli.VersionProvider;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.db.DbConnector;
import org.skytools.common.error.SkyToolsException;
import org.skytools.common.log.LogSettings;
import org.skytools.common.log.LogSetup;
import org.skytools.londiste.table.CopyNodeRename;
import org.skytools.pgq.cascade.CascadeAdmin;
import org.skytools.pgq.cascade.NodeSetup;
import org.skytools.pgq.cascade.NodeType;
import org.skytools.pgq.consumer.ConsumerKeys;
import org.skytools.sql.SchemaInstaller;
import org.skytools.sql.SqlSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code setadm [switches] CONFIG.ini COMMAND [args]}: node administration of a cascaded queue
 * that is not londiste's (cli.md §3), with the config section {@code [cascade_admin]} and the key
 * {@code node_db}. The worker of a node made here is named by {@code --worker}.
 */
@Command(
        name = "setadm",
        versionProvider = VersionProvider.class,
        description = "Administration of cascaded PgQ queues.",
        footerHeading = "%nCommands:%n")
public final class SetadmCommand implements Callable<Integer> {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LONG_WAIT = Duration.ofMinutes(30);

    /** Command, argument summary and help line. */
    private static final Map<String, String[]> COMMANDS = commands();

    @Mixin
    ScriptOptions script;

    @Option(names = "--provider", paramLabel = "NODE", description = "Provider (create-*, change-provider).")
    String provider;

    @Option(names = "--worker", paramLabel = "NAME", description = "The node's worker name (create-*).")
    String worker;

    @Option(names = "--consumer", paramLabel = "NAME", description = "The consumer to pause, resume or move.")
    String consumer;

    @Option(names = "--node", paramLabel = "NODE", description = "Must be the config's own node: it acts.")
    String node;

    @Option(
            names = "--target",
            paramLabel = "NODE",
            description = "takeover: the node that takes over (default: this one).")
    String target;

    @Option(
            names = {"--connstr", "--queue"},
            paramLabel = "X",
            description = "Accepted, unused.")
    String unused;

    @Option(names = "--merge", paramLabel = "QUEUE", description = "Combined queue to merge into (create-leaf).")
    String merge;

    @Option(names = "--sync-watermark", paramLabel = "NODES", description = "Nodes that share a watermark.")
    String syncWatermark;

    @Option(names = "--dead", paramLabel = "NODE", description = "Treat NODE as dead (repeatable).")
    List<String> dead = new ArrayList<>();

    @Option(names = "--dead-root", description = "The old root is dead (takeover).")
    boolean deadRoot;

    @Option(names = "--dead-branch", description = "The old branch is dead (takeover).")
    boolean deadBranch;

    @Option(names = "--all", description = "takeover: move the old node's other subscribers too.")
    boolean all;

    @Option(names = "--nocheck", description = "Do not check that the public connect string reaches this database.")
    boolean noCheck;

    @Option(names = "--compact", description = "status: one line per node.")
    boolean compact;

    @Parameters(paramLabel = "CONFIG.ini COMMAND [ARGS]", description = "Config file, command and its arguments.")
    List<String> words = new ArrayList<>();

    @Spec
    CommandSpec spec;

    static String[] helpLines() {
        return COMMANDS.entrySet().stream()
                .map(e -> String.format("  %-16s %-32s %s", e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toArray(String[]::new);
    }

    @Override
    public Integer call() throws Exception {
        if (script.ini()) {
            return new ScriptLauncher(SetadmKeys.DEFINITION).run(script, null, cf -> null);
        }
        if (words.size() < 2) {
            throw SkyToolsException.usage("give CONFIG.ini COMMAND; one of: " + String.join(", ", COMMANDS.keySet()));
        }
        String command = words.get(1);
        if (!COMMANDS.containsKey(command)) {
            throw SkyToolsException.usage(
                    "unknown command \"" + command + "\"; one of: " + String.join(", ", COMMANDS.keySet()));
        }
        List<String> args = words.subList(2, words.size());
        SkyConfig config =
                SkyConfig.load(Path.of(words.get(0)), SetadmKeys.DEFINITION.sectionNames(), script.overrides());
        LogSetup.apply(LogSettings.from(config, script.logLevel(), true));
        SetadmKeys.DEFINITION.schema().validate(config);
        String db = SetadmKeys.NODE_DB.get(config);
        String queue = ConsumerKeys.QUEUE_NAME.get(config);
        DbConnector connector = new DbConnector("setadm");
        Set<String> deadNodes = Set.copyOf(dead);
        CascadeAdmin admin =
                new CascadeAdmin(connector::connect, db, queue, Duration.ofMillis(500)).treatingAsDead(deadNodes);
        PrintWriter out = spec.commandLine().getOut();
        if (node != null && !command.startsWith("create-") && !command.equals("install")) {
            String local = admin.nodeInfo().nodeName();
            if (!node.equals(local)) {
                throw SkyToolsException.usage("--node=" + node + ": setadm acts on the node of " + words.get(0) + " (\""
                        + local + "\"); run it with the config of node \"" + node + "\"");
            }
        }
        switch (command) {
            case "create-root" -> out.println(create(NodeType.ROOT, admin, connector, db, args));
            case "create-branch" -> out.println(create(NodeType.BRANCH, admin, connector, db, args));
            case "create-leaf" -> out.println(create(NodeType.LEAF, admin, connector, db, args));
            case "install" -> {
                try (var c = connector.connect(db)) {
                    new SchemaInstaller().applyWithRequirements(c, SqlSchema.PGQ_NODE);
                }
                out.println("pgq and pgq_node installed");
            }
            case "status" -> out.print(admin.status(org.skytools.pgq.cascade.StatusExtra.NONE, deadNodes, compact));
            case "node-status" -> out.print(admin.nodeStatus());
            case "node-info" -> out.print(admin.nodeInfoText());
            case "members" -> admin.members()
                    .forEach(m -> out.printf("%-20s %-5s %s%n", m.nodeName(), m.dead(), m.location()));
            case "pause" -> out.println(admin.pause(consumer, ACK_TIMEOUT));
            case "resume" -> out.println(admin.resume(consumer, ACK_TIMEOUT));
            case "change-provider" -> {
                if (provider == null || provider.isBlank()) {
                    throw SkyToolsException.usage("change-provider needs --provider=NODE");
                }
                out.println(admin.changeProvider(provider, consumer, ACK_TIMEOUT));
            }
            case "takeover" -> {
                if (deadRoot && deadBranch) {
                    throw SkyToolsException.usage("give only one of --dead-root and --dead-branch");
                }
                CascadeAdmin acting = target == null || target.isBlank() ? admin : admin.at(target);
                out.println(acting.takeover(
                        oneArg(args, "takeover NODE"), all, deadRoot, deadBranch, deadNodes, LONG_WAIT));
            }
            case "resurrect" -> out.println(admin.resurrect(Path.of("resurrect-lost-events.json"), deadNodes));
            case "drop-node" -> out.println(admin.dropNode(oneArg(args, "drop-node NODE")));
            case "tag-dead" -> out.println(admin.tagDead(oneArg(args, "tag-dead NODE")));
            case "tag-alive" -> out.println(admin.tagAlive(oneArg(args, "tag-alive NODE")));
            case "show-consumers" -> {
                if (args.size() > 1) {
                    throw SkyToolsException.usage("usage: show-consumers [NODE]");
                }
                out.print(admin.showConsumers(args.isEmpty() ? null : args.get(0)));
            }
            case "rename-node" -> {
                if (args.size() != 2) {
                    throw SkyToolsException.usage("usage: rename-node OLD NEW");
                }
                out.println(admin.renameNode(args.get(0), args.get(1), new CopyNodeRename()));
            }
            case "wait-root" -> out.println("caught up with the root at tick " + admin.waitRoot(LONG_WAIT));
            case "wait-provider" -> out.println("caught up with the provider at tick " + admin.waitProvider(LONG_WAIT));
            default -> throw new IllegalStateException(command);
        }
        out.flush();
        return 0;
    }

    private String create(NodeType type, CascadeAdmin admin, DbConnector connector, String db, List<String> args)
            throws Exception {
        if (args.size() != 2) {
            throw SkyToolsException.usage("create-" + type.sqlName() + " needs NODE_NAME NODE_CONNSTR");
        }
        if (worker == null || worker.isBlank()) {
            throw SkyToolsException.usage("create-" + type.sqlName() + " needs --worker=NAME, the node's worker");
        }
        if (type != NodeType.ROOT && (provider == null || provider.isBlank())) {
            throw SkyToolsException.usage("create-" + type.sqlName() + " needs --provider=CONNSTR");
        }
        try (var c = connector.connect(db)) {
            new SchemaInstaller().applyWithRequirements(c, SqlSchema.PGQ_NODE);
        }
        NodeSetup setup = new NodeSetup(
                args.get(0),
                args.get(1),
                type == NodeType.ROOT ? null : provider,
                worker,
                syncWatermark,
                merge,
                !noCheck);
        return admin.createNode(type, setup);
    }

    private static String oneArg(List<String> args, String usage) {
        if (args.size() != 1) {
            throw SkyToolsException.usage("usage: " + usage);
        }
        return args.get(0);
    }

    private static Map<String, String[]> commands() {
        Map<String, String[]> m = new TreeMap<>();
        m.put("create-root", new String[] {"NODE CONNSTR --worker=W", "Create the root node."});
        m.put("create-branch", new String[] {"NODE CONNSTR --worker=W --provider=C", "Create a branch node."});
        m.put("create-leaf", new String[] {"NODE CONNSTR --worker=W --provider=C", "Create a leaf node."});
        m.put("install", new String[] {"", "Install pgq and pgq_node."});
        m.put("status", new String[] {"", "Show the cascade."});
        m.put("node-status", new String[] {"", "Show the local node."});
        m.put("node-info", new String[] {"", "Show the local node's settings."});
        m.put("members", new String[] {"", "List the nodes."});
        m.put("pause", new String[] {"[--consumer=C]", "Pause the worker (or a consumer)."});
        m.put("resume", new String[] {"[--consumer=C]", "Resume the worker (or a consumer)."});
        m.put("change-provider", new String[] {"--provider=NODE [--consumer=C]", "Move to another provider."});
        m.put("takeover", new String[] {
            "NODE [--target=NEW] [--all] [--dead-root|--dead-branch]", "Take NODE's place (or let NEW take it)."
        });
        m.put("resurrect", new String[] {"", "Make a failed-over old root a paused branch."});
        m.put("drop-node", new String[] {"NODE", "Remove a node."});
        m.put("tag-dead", new String[] {"NODE", "Mark a node dead."});
        m.put("tag-alive", new String[] {"NODE", "Clear a node's dead mark."});
        m.put("show-consumers", new String[] {"[NODE]", "List the queue's consumers on this node (or NODE)."});
        m.put("rename-node", new String[] {"OLD NEW", "Rename a node on every member."});
        m.put("wait-root", new String[] {"", "Wait until this node has the root's ticks."});
        m.put("wait-provider", new String[] {"", "Wait until this node has its provider's ticks."});
        return java.util.Collections.unmodifiableMap(m);
    }
}
