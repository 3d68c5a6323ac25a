package org.skytools.londiste.replay;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.skytools.common.db.Quoting;
import org.skytools.common.error.SkyToolsException;
import org.skytools.londiste.obfuscate.Obfuscator;

/**
 * The handlers the replay knows, by name, with the arguments each accepts (others are refused as
 * SkyTools does): {@code londiste} (default), {@code bulk}, {@code vtable}, {@code fake_local},
 * {@code qtable}, {@code applyfn}, {@code multimaster}, {@code qsplitter}, {@code obfuscate}, and
 * {@code shard} with its older name {@code part}.
 */
public final class HandlerRegistry {
    private record Kind(String description, Set<String> args) {}

    private static final Set<String> SHARD_ARGS =
            Set.of("key", "hash_key", "hashfunc", "hashexpr", "hash_expr", "encoding", "ignore_truncate");
    // disable_replay (the newer londiste's): the table is copied and its events pass on, none is applied
    private static final Set<String> SHARD_HANDLER_ARGS = plus(SHARD_ARGS, "disable_replay");

    private static final Map<String, Kind> KINDS = kinds();

    private final Supplier<Obfuscator> rules;
    private final ShardSettings shard;
    // read on first use, so that commands that make no obfuscate handler never read the rules file
    private Obfuscator obfuscator;
    private boolean rulesRead;

    /**
     * The handlers, without {@code obfuscate} rules (that handler is then refused), splitting by
     * {@code partconf.get_hash_raw} and {@code partconf.conf}.
     */
    public HandlerRegistry() {
        this(() -> null, ShardSettings.DEFAULT);
    }

    /**
     * The handlers, with the rules of the {@code obfuscate} handler (config {@code obfuscator_map})
     * from {@code rules}, asked once, when that handler is first made (it gives null for none), and
     * the hash function and partition query of config {@code shard_hash_func} and {@code shard_info_sql}.
     */
    public HandlerRegistry(Supplier<Obfuscator> rules, ShardSettings shard) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.shard = Objects.requireNonNull(shard, "shard");
    }

    private synchronized Obfuscator obfuscator() {
        if (!rulesRead) {
            obfuscator = rules.get();
            rulesRead = true;
        }
        return obfuscator;
    }

    private static Map<String, Kind> kinds() {
        Map<String, Kind> k = new TreeMap<>(Map.of(
                "londiste",
                        new Kind(
                                "Default Londiste handler, inserts events into tables with plain SQL",
                                Set.of("encoding", "ignore_truncate")),
                "bulk", new Kind("Instead of sending each event separately, apply them in bulk", Set.of("method")),
                "vtable", new Kind("Virtual table: events are ignored, no table needed", Set.of()),
                "fake_local", new Kind("Deprecated alias of vtable", Set.of()),
                "qtable", new Kind("Queue table on the root: events are ignored, no copy", Set.of()),
                "applyfn", new Kind("Call db function to apply event", Set.of("func_name", "func_conf")),
                "multimaster",
                        new Kind("Handle multimaster replicas: last write wins through merge_on_time()", Set.of()),
                "qsplitter", new Kind("Send the table's events into another queue of the subscriber", Set.of("queue")),
                "shard", new Kind("Event filtering by hash, for partitioned databases", SHARD_HANDLER_ARGS),
                "part", new Kind("Deprecated name of the shard handler: event filtering by hash", SHARD_HANDLER_ARGS)));
        k.put(
                "obfuscate",
                new Kind(
                        "Replaces column values by keyed hashes as obfuscator_map says (copy, replay, passed-on"
                                + " events)",
                        Set.of()));
        Set<String> dispatchArgs = new java.util.HashSet<>(DispatchConfig.ARGS);
        dispatchArgs.addAll(SHARD_ARGS);
        for (String name : DispatchConfig.handlerNames()) {
            Map<String, String> preset = DispatchConfig.presetArgs(name);
            String description = preset.isEmpty()
                    ? "Partitioned loader: splits events into partitions by time, then applies them"
                    : "Custom dispatch handler with default args: " + new TreeMap<>(preset);
            k.put(name, new Kind(description, Set.copyOf(dispatchArgs)));
        }
        return java.util.Collections.unmodifiableMap(k);
    }

    private static Set<String> plus(Set<String> set, String more) {
        Set<String> out = new java.util.HashSet<>(set);
        out.add(more);
        return Set.copyOf(out);
    }

    /** Whether a handler of this name can split a table's rows by hash (shard, part, the dispatch handlers). */
    public static boolean maySplitByHash(String name) {
        return name.equals("shard")
                || name.equals("part")
                || DispatchConfig.handlerNames().contains(name);
    }

    /** The handler names, sorted. */
    public List<String> names() {
        return List.copyOf(KINDS.keySet());
    }

    /** The first line of a handler's description, for {@code show-handlers}. */
    public String description(String name) {
        Kind k = KINDS.get(name);
        return k == null ? null : k.description();
    }

    /** The arguments a handler takes, sorted; empty for an unknown name. */
    public List<String> arguments(String name) {
        Kind k = KINDS.get(name);
        return k == null ? List.of() : k.args().stream().sorted().toList();
    }

    /**
     * The handler for {@code spec}; throws {@link SkyToolsException} (config) for an unknown name,
     * an argument the handler does not take or a bad argument value.
     */
    public TableHandler create(HandlerSpec spec) {
        Kind kind = KINDS.get(spec.name());
        if (kind == null) {
            throw SkyToolsException.config(
                    "unknown handler \"" + spec.name() + "\"; known handlers: " + String.join(", ", KINDS.keySet()));
        }
        for (String a : spec.args().keySet()) {
            // multimaster passes every argument on to its function
            if (!kind.args().contains(a) && !spec.name().equals("multimaster")) {
                throw SkyToolsException.config("invalid argument \"" + a + "\" for handler \"" + spec.name() + "\"");
            }
        }
        Map<String, String> args = spec.args();
        return switch (spec.name()) {
            case "londiste" -> {
                checkEncoding("londiste", args.get("encoding"));
                yield new TableHandler("londiste", ApplyMode.AUTO, 0, flag(args.get("ignore_truncate")), true, true);
            }
            case "applyfn" -> {
                String fn = args.get("func_name");
                if (fn == null || fn.isBlank()) {
                    throw SkyToolsException.config("handler \"applyfn\" needs func_name=");
                }
                yield new TableHandler(
                        "applyfn", ApplyMode.FUNCTION, 0, false, true, true, fn, args.getOrDefault("func_conf", ""));
            }
            case "multimaster" -> new TableHandler(
                    "multimaster", ApplyMode.FUNCTION, 0, false, true, true, "merge_on_time", Quoting.urlEncode(args));
            case "obfuscate" -> {
                Obfuscator obfuscator = obfuscator();
                if (obfuscator == null) {
                    throw SkyToolsException.config(
                            "handler \"obfuscate\" needs its rules: set obfuscator_map (and obfuscator_key)"
                                    + " in the config");
                }
                yield new TableHandler(
                        "obfuscate", ApplyMode.AUTO, 0, false, false, true, null, null, null, null, obfuscator);
            }
            case "bulk" -> new TableHandler("bulk", ApplyMode.SET, method(args.get("method")), false, false, true);
            case "qsplitter" -> {
                String queue = args.get("queue");
                if (queue == null || queue.isBlank()) {
                    throw SkyToolsException.config("handler \"qsplitter\" needs queue=");
                }
                yield new TableHandler("qsplitter", ApplyMode.QUEUE, 0, true, true, false, queue, null);
            }
            case "shard", "part" -> {
                checkEncoding(spec.name(), args.get("encoding"));
                yield new TableHandler(
                        spec.name(),
                        flag(args.get("disable_replay")) ? ApplyMode.IGNORE : ApplyMode.AUTO,
                        0,
                        flag(args.get("ignore_truncate")),
                        true,
                        true,
                        null,
                        null,
                        hashExpr(spec.name(), args),
                        null,
                        null);
            }
            default -> {
                if (DispatchConfig.handlerNames().contains(spec.name())) {
                    yield dispatch(spec.name(), args);
                }
                yield new TableHandler(spec.name(), ApplyMode.IGNORE, 0, true, true, false);
            }
        };
    }

    private TableHandler dispatch(String name, Map<String, String> args) {
        checkEncoding(name, args.get("encoding"));
        boolean sharded = args.containsKey("key") || args.containsKey("hash_key");
        return new TableHandler(
                name,
                ApplyMode.DISPATCH,
                0,
                flag(args.get("ignore_truncate")),
                false,
                true,
                null,
                null,
                sharded ? hashExpr(name, args) : null,
                DispatchConfig.parse(name, args),
                null);
    }

    private static void checkEncoding(String handler, String enc) {
        if (enc != null && !enc.equalsIgnoreCase("utf8") && !enc.equalsIgnoreCase("utf-8")) {
            throw SkyToolsException.config("handler \"" + handler + "\": only encoding=utf8 is supported");
        }
    }

    /**
     * The hash of a row of a table split by hash: {@code hashexpr} (or {@code hash_expr}) as given,
     * else the hash function ({@code hashfunc}, by default config {@code shard_hash_func}) of the key
     * column ({@code hash_key}, else {@code key}).
     */
    private String hashExpr(String handler, Map<String, String> args) {
        String key = args.getOrDefault("hash_key", args.get("key"));
        if (key == null || key.isBlank()) {
            throw SkyToolsException.config("handler \"" + handler + "\" needs the hash key column: key=COLUMN");
        }
        for (String name : List.of("hashexpr", "hash_expr")) {
            String expr = args.get(name);
            if (expr != null && !expr.isBlank()) {
                return expr;
            }
        }
        String func = args.getOrDefault("hashfunc", shard.hashFunc());
        return Quoting.quoteFqIdent(func) + "(" + Quoting.quoteIdent(key) + ")";
    }

    /**
     * This database's partition, for a table split by hash ({@code table} names it in errors): from
     * config {@code shard_info_sql}, else from {@code partconf.conf}.
     */
    public ShardInfo shardInfo(Connection dst, String table) throws SQLException {
        return ShardInfo.load(dst, table, shard.infoSql());
    }

    /**
     * The row filter a table's handler puts on its copy, compare and repair: for a handler that
     * splits by hash the rows of this database's partition, otherwise null (every row).
     *
     * @param dst the local database, where the partition is read
     * @param handler the table's handler string ({@code name(args)}, empty for the default)
     */
    public String copyCondition(Connection dst, String table, String handler) throws SQLException {
        HandlerSpec spec = HandlerSpec.parse(handler);
        if (!maySplitByHash(spec.name())) {
            return null;
        }
        TableHandler h = create(spec);
        return h.hashExpr() == null ? null : shardInfo(dst, table).condition(h.hashExpr());
    }

    private static boolean flag(String v) {
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on"));
    }

    private static int method(String v) {
        if (v == null || v.isEmpty()) {
            return 0;
        }
        return switch (v.trim()) {
            case "0" -> 0;
            case "1" -> 1;
            case "2" -> 2;
            default -> throw SkyToolsException.config("handler \"bulk\": method must be 0, 1 or 2, not \"" + v + "\"");
        };
    }
}
