package org.skytools.londiste.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.skytools.common.cli.ScriptDefinition;
import org.skytools.common.config.ConfigKey;
import org.skytools.common.config.ConfigSchema;
import org.skytools.common.config.GenericKeys;
import org.skytools.common.config.SkyConfig;
import org.skytools.common.config.Validator;
import org.skytools.londiste.copy.ThreadedCopy;
import org.skytools.londiste.obfuscate.Obfuscator;
import org.skytools.londiste.replay.HandlerRegistry;
import org.skytools.londiste.replay.ShardSettings;
import org.skytools.londiste.table.RegisterFilter;
import org.skytools.pgq.cascade.CascadeKeys;
import org.skytools.pgq.consumer.ConsumerKeys;

/**
 * The keys of the {@code [londiste3]} section (also read as {@code [londiste]}), with the defaults
 * of londiste 3. Validation, {@code --ini} and the key table of {@code docs/londiste.md} derive
 * from these.
 */
public final class LondisteKeys {

    /** The local node's database. */
    public static final ConfigKey<String> DB = ConfigKey.string("db")
            .asRequired()
            .withValidator(Validator.connectString())
            .withDescription("connect string of the local node's database, e.g. dbname=app host=10.0.0.1");

    /** Default node name for create-*. */
    public static final ConfigKey<String> NODE_NAME = ConfigKey.string("node_name")
            .withDescription("node name used by create-root/-branch/-leaf when none is given on the command line");

    /** Connect string other nodes use to reach this node. */
    public static final ConfigKey<String> PUBLIC_NODE_LOCATION = ConfigKey.string("public_node_location")
            .withValidator(Validator.connectString())
            .withDescription("connect string other nodes use to reach this node (should name host=);"
                    + "\nused by create-* when none is given on the command line");

    /** Default provider of create-branch/-leaf. */
    public static final ConfigKey<String> INITIAL_PROVIDER_LOCATION = ConfigKey.string("initial_provider_location")
            .withValidator(Validator.connectString())
            .withDescription("default for --provider of create-branch and create-leaf");

    /** How many tables may copy at once. */
    public static final ConfigKey<Integer> PARALLEL_COPIES = ConfigKey.integer("parallel_copies")
            .withDefault(1)
            .withValidator(Validator.atLeast(1))
            .withDescription("how many tables this worker copies at the same time (in-copy .. do-sync)");

    /** Tables whose copy loads over several connections (modern londiste keys). */
    public static final ConfigKey<List<String>> THREADED_COPY_TABLES = ConfigKey.list("threaded_copy_tables")
            .withDefault(List.of())
            .withDescription("globs of tables (archive.*, public.big_?) whose copy loads the local table over"
                    + "\nthreaded_copy_pool_size connections at once; such a copy commits the truncate first");

    public static final ConfigKey<Integer> THREADED_COPY_POOL_SIZE = ConfigKey.integer("threaded_copy_pool_size")
            .withDefault(1)
            .withValidator(Validator.atLeast(1))
            .withDescription("how many connections load a table of threaded_copy_tables; its copy counts as"
                    + "\nthat many of parallel_copies while in-copy");

    /** Fetch only the events of local tables. */
    public static final ConfigKey<Boolean> LOCAL_ONLY = ConfigKey.bool("local_only")
            .withDefault(false)
            .withDescription("read only the events of tables registered on this node (and pgq.*, londiste.*, EXECUTE);"
                    + "\non a branch this also limits what goes into the branch's queue");

    /** Under {@code local_only}, leave the EXECUTE events out too (as SkyTools 3.2 did). */
    public static final ConfigKey<Boolean> LOCAL_ONLY_DROP_EXECUTE = ConfigKey.bool("local_only_drop_execute")
            .withDefault(false)
            .withDescription("with local_only, do not read EXECUTE events either: the DDL that execute"
                    + "\nruns on the root is then not run on this node");

    /** Tables and sequences a node registers from its provider (modern londiste keys). */
    public static final ConfigKey<List<String>> REGISTER_ONLY_TABLES = ConfigKey.list("register_only_tables")
            .withDefault(List.of())
            .withDescription("register only these of the provider's tables on this node (add-table events"
                    + "\nand the table list synced by admin commands)");

    public static final ConfigKey<List<String>> REGISTER_SKIP_TABLES = ConfigKey.list("register_skip_tables")
            .withDefault(List.of())
            .withDescription("never register these of the provider's tables on this node");

    public static final ConfigKey<List<String>> REGISTER_ONLY_SEQS = ConfigKey.list("register_only_seqs")
            .withDefault(List.of())
            .withDescription("register only these of the provider's sequences on this node");

    public static final ConfigKey<List<String>> REGISTER_SKIP_SEQS = ConfigKey.list("register_skip_seqs")
            .withDefault(List.of())
            .withDescription("never register these of the provider's sequences on this node");

    /** Lock and statement timeout for admin commands. */
    public static final ConfigKey<Duration> LOCK_TIMEOUT = ConfigKey.seconds("lock_timeout")
            .withDefault(Duration.ofSeconds(10))
            .withValidator(Validator.positive())
            .withDescription("statement_timeout of add-table's DDL, and the longest time compare and"
                    + "\nrepair hold the provider's lock");

    /** Checksum query of compare. */
    public static final ConfigKey<String> COMPARE_SQL = ConfigKey.string("compare_sql")
            .withDefault("select count(1) as cnt, sum(hashtext(_COLS_::text)::bigint) as chksum from only _TABLE_")
            .withDescription("checksum query of compare; _TABLE_ and _COLS_ are replaced");

    /** How compare prints a result. */
    public static final ConfigKey<String> COMPARE_FMT = ConfigKey.string("compare_fmt")
            .withDefault("%(cnt)d rows, checksum=%(chksum)s")
            .withDescription("how compare prints the result of compare_sql on each side");

    /** Extra handler modules (Python in londiste 3). */
    public static final ConfigKey<List<String>> HANDLER_MODULES = ConfigKey.list("handler_modules")
            .withDefault(List.of())
            .withDescription("extra handler modules; accepted for compatibility, the built-in handlers are always"
                    + "\navailable");

    /** Rules of the obfuscate handler (modern londiste keys). */
    public static final ConfigKey<Path> OBFUSCATOR_MAP = ConfigKey.file("obfuscator_map")
            .withDescription("YAML file of the obfuscate handler's rules: table, column, then keep, skip, bool,"
                    + "\nhash32, hash64, hash, or a mapping of JSON keys to rules");

    public static final ConfigKey<String> OBFUSCATOR_KEY = ConfigKey.string("obfuscator_key")
            .withDefault("")
            .withDescription("key of the obfuscate handler's BLAKE2s hashes (at most 32 bytes)");

    /** How the hash-splitting handlers hash a row and find the local partition (modern londiste keys). */
    public static final ConfigKey<String> SHARD_HASH_FUNC = ConfigKey.string("shard_hash_func")
            .withDefault(ShardSettings.DEFAULT_HASH_FUNC)
            .withDescription("function of the key column that gives a row's hash, for the shard and part handlers"
                    + "\n(and dispatch handlers with key=) unless the handler's hashfunc= names another");

    public static final ConfigKey<String> SHARD_INFO_SQL = ConfigKey.string("shard_info_sql")
            .withDescription("query giving this database's shard_nr, shard_mask and shard_count (or part_nr and"
                    + "\nmax_part); by default partconf.conf is read");

    /** Appended to connections to other nodes. */
    public static final ConfigKey<String> REMOTE_EXTRA_CONNSTR = ConfigKey.string("remote_extra_connstr")
            .withDefault("")
            .withDescription("appended to every connect string of another node, e.g. a password file setting");

    /** The threaded_copy_tables and threaded_copy_pool_size of {@code config}. */
    public static ThreadedCopy threadedCopy(SkyConfig config) {
        return new ThreadedCopy(THREADED_COPY_TABLES.get(config), THREADED_COPY_POOL_SIZE.get(config));
    }

    /** The register_only/skip_tables/seqs lists of {@code config}. */
    public static RegisterFilter registerFilter(SkyConfig config) {
        return RegisterFilter.of(
                REGISTER_ONLY_TABLES.get(config),
                REGISTER_SKIP_TABLES.get(config),
                REGISTER_ONLY_SEQS.get(config),
                REGISTER_SKIP_SEQS.get(config));
    }

    /**
     * The table handlers, with the obfuscate handler's rules when {@code obfuscator_map} is set, read
     * when that handler is first made (a missing or bad file is then a config error naming it), and
     * the hash splitting of {@code shard_hash_func} and {@code shard_info_sql}.
     */
    public static HandlerRegistry handlers(SkyConfig config) {
        Path map = OBFUSCATOR_MAP.get(config);
        String key = OBFUSCATOR_KEY.get(config);
        ShardSettings shard = new ShardSettings(SHARD_HASH_FUNC.get(config), SHARD_INFO_SQL.get(config));
        return new HandlerRegistry(() -> map == null ? null : Obfuscator.load(map, key), shard);
    }

    /** The londiste keys as one schema group. */
    public static final ConfigSchema SCHEMA = ConfigSchema.of(
            "londiste",
            DB,
            NODE_NAME,
            PUBLIC_NODE_LOCATION,
            INITIAL_PROVIDER_LOCATION,
            PARALLEL_COPIES,
            THREADED_COPY_TABLES,
            THREADED_COPY_POOL_SIZE,
            LOCAL_ONLY,
            LOCAL_ONLY_DROP_EXECUTE,
            REGISTER_ONLY_TABLES,
            REGISTER_SKIP_TABLES,
            REGISTER_ONLY_SEQS,
            REGISTER_SKIP_SEQS,
            LOCK_TIMEOUT,
            COMPARE_SQL,
            COMPARE_FMT,
            HANDLER_MODULES,
            OBFUSCATOR_MAP,
            OBFUSCATOR_KEY,
            SHARD_HASH_FUNC,
            SHARD_INFO_SQL,
            REMOTE_EXTRA_CONNSTR);

    /** The PgQ consumer keys the worker honours when reading its provider's queue. */
    public static final ConfigSchema WORKER_SCHEMA = ConfigSchema.of(
            "PgQ consumer",
            ConsumerKeys.QUEUE_NAME,
            ConsumerKeys.PGQ_LAZY_FETCH,
            ConsumerKeys.PGQ_AUTOCOMMIT,
            ConsumerKeys.PGQ_BATCH_COLLECT_EVENTS,
            ConsumerKeys.PGQ_BATCH_COLLECT_INTERVAL,
            ConsumerKeys.PGQ_KEEP_LAG);

    /** Generic script keys, the consumer keys the worker honours, then londiste's own. */
    public static final ScriptDefinition DEFINITION = new ScriptDefinition(
            List.of("londiste3", "londiste"),
            GenericKeys.SCHEMA.plus(WORKER_SCHEMA).plus(CascadeKeys.SCHEMA).plus(SCHEMA),
            "",
            true,
            false);

    private LondisteKeys() {}
}
