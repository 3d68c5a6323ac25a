package org.skytools.qadmin.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.skytools.common.db.FqName;
import org.skytools.common.db.Quoting;
import org.skytools.qadmin.exec.Session;
import org.skytools.qadmin.lang.NameKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names completion offers for each {@link NameKind}, read from the database (queues,
 * consumers, nodes, tables...) or the hosts file, and kept until the next statement runs. Names
 * come back written as they must be typed: quoted when a bare word would fold or split them.
 */
public final class NameLookup {
    private static final Logger log = LoggerFactory.getLogger(NameLookup.class);

    private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_$]*(\\.[a-z_][a-z0-9_$]*)*");
    private static final String USER_SCHEMAS = " and n.nspname not in ('information_schema', 'pgq', 'pgq_node',"
            + " 'pgq_ext', 'pgq_coop', 'londiste') and n.nspname !~ '^pg_'";
    private static final String RELATIONS = "select n.nspname, c.relname from pg_catalog.pg_class c"
            + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace where c.relkind in ";
    private static final Set<String> IGNORED_HOSTS =
            Set.of("ip6-allhosts", "ip6-allnodes", "ip6-allrouters", "ip6-localnet", "ip6-loopback", "ip6-mcastprefix");

    private final Session session;
    private final Path hostsFile;
    private final Map<NameKind, List<String>> cache = new EnumMap<>(NameKind.class);

    public NameLookup(Session session, Path hostsFile) {
        this.session = session;
        this.hostsFile = hostsFile;
    }

    /** Forgets cached names; called after every statement, which may have changed them. */
    public void invalidate() {
        cache.clear();
    }

    /** The names of {@code kind} that can be typed here, sorted. */
    public List<String> names(NameKind kind) {
        return cache.computeIfAbsent(kind, this::load);
    }

    private List<String> load(NameKind kind) {
        try {
            return switch (kind) {
                case QUEUE -> idents("pgq", "select queue_name from pgq.queue order by 1");
                case CONSUMER -> idents("pgq", "select co_name from pgq.consumer order by 1");
                case NODE -> idents("pgq_node", "select distinct node_name from pgq_node.node_location order by 1");
                case DATABASE -> idents(
                        null, "select datname from pg_catalog.pg_database where datallowconn order by 1");
                case USER -> idents(null, "select rolname from pg_catalog.pg_roles where rolcanlogin order by 1");
                case HOST -> hosts();
                case PORT -> List.of("5432", "6432");
                case TABLE -> relations(RELATIONS + "('r', 'p')" + USER_SCHEMAS + " order by 1, 2");
                case SEQUENCE -> relations(RELATIONS + "('S')" + USER_SCHEMAS + " order by 1, 2");
                case NEW_TABLE -> londisteNew("('r', 'p')", "table_info", "table_name");
                case NEW_SEQUENCE -> londisteNew("('S')", "seq_info", "seq_name");
                case KNOWN_TABLE -> londisteKnown("select table_name from londiste.table_info where queue_name = ?");
                case KNOWN_SEQUENCE -> londisteKnown("select seq_name from londiste.seq_info where queue_name = ?");
                case BATCH_ID -> batches();
                default -> List.of();
            };
        } catch (SQLException e) {
            // completion must never break the line being typed
            log.debug("cannot read {} names", kind, e);
            return List.of();
        }
    }

    private List<String> idents(String schema, String sql) throws SQLException {
        if (schema != null && !session.hasSchema(schema)) {
            return List.of();
        }
        return query(sql).stream().map(r -> typed(r.get(0))).toList();
    }

    private List<String> relations(String sql, Object... params) throws SQLException {
        return query(sql, params).stream()
                .map(r -> new FqName(r.get(0), r.get(1)).quoted())
                .toList();
    }

    private List<String> londisteNew(String relkinds, String infoTable, String nameColumn) throws SQLException {
        if (session.queue() == null || !session.hasSchema("londiste")) {
            return List.of();
        }
        // infoTable and nameColumn are fixed names from the callers above
        return relations(
                RELATIONS + relkinds + USER_SCHEMAS + " and not exists (select 1 from londiste." + infoTable
                        + " i where i.queue_name = ? and i.local and i." + nameColumn
                        + " = n.nspname || '.' || c.relname) order by 1, 2",
                session.queue());
    }

    private List<String> londisteKnown(String sql) throws SQLException {
        if (session.queue() == null || !session.hasSchema("londiste")) {
            return List.of();
        }
        return query(sql + " order by 1", session.queue()).stream()
                .map(r -> FqName.parse(r.get(0)).quoted())
                .toList();
    }

    private List<String> batches() throws SQLException {
        if (session.queue() == null || !session.hasSchema("pgq")) {
            return List.of();
        }
        return query(
                        "select current_batch::text from pgq.get_consumer_info(?::text)"
                                + " where current_batch is not null order by current_batch",
                        session.queue())
                .stream()
                .map(r -> r.get(0))
                .toList();
    }

    private List<List<String>> query(String sql, Object... params) throws SQLException {
        Connection c = session.connection();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private List<String> hosts() {
        Set<String> names = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(hostsFile)) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                String[] fields = s.split("\\s+");
                for (int i = 1; i < fields.length && !fields[i].startsWith("#"); i++) {
                    if (!IGNORED_HOSTS.contains(fields[i])) {
                        names.add(fields[i]);
                    }
                }
            }
        } catch (IOException e) {
            log.debug("cannot read {}", hostsFile, e);
        }
        return List.copyOf(names);
    }

    /** A name as it must be typed: bare when that reads back the same, else double-quoted. */
    static String typed(String name) {
        return BARE.matcher(name).matches() ? name : Quoting.quoteIdent(name);
    }
}
