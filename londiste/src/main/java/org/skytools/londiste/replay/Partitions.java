package org.skytools.londiste.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skytools.common.db.FqName;
import org.skytools.common.db.Quoting;
import org.skytools.common.error.SkyToolsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partitions of one dispatched table: the name of the partition for a time, and its creation
 * when it does not exist yet (by {@code part_template}, else by the partition function, else as a
 * copy of the parent's structure), with {@code pre_part}, {@code post_part} and the retention of
 * old partitions as SkyTools' dispatch handler does them. What exists is looked up again in every
 * batch: a partition made in a batch that rolled back is gone.
 */
final class Partitions {
    private static final Logger log = LoggerFactory.getLogger(Partitions.class);
    private static final Pattern VAR = Pattern.compile("%\\((\\w+)\\)s|%%");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String OLD_PART_FUNC = "public.create_partition";

    private final DispatchConfig conf;
    private final String parent;
    private final Set<String> present = new HashSet<>();
    private final Set<String> ignored = new HashSet<>();
    private boolean retentionDue;

    /** The partitions of {@code parent} ({@code schema.name}, unquoted). */
    Partitions(DispatchConfig conf, String parent) {
        this.conf = conf;
        this.parent = parent;
    }

    /** Forgets what exists: called at the start of each batch. */
    void newBatch() {
        present.clear();
        ignored.clear();
        retentionDue = false;
    }

    /** The partition for {@code time}: {@code part_name} or {@code <parent>_YYYY[_MM[_DD[_HH]]]}. */
    String nameFor(LocalDateTime time) {
        Map<String, String> vals = Map.of(
                "parent", parent,
                "year", String.format("%04d", time.getYear()),
                "month", String.format("%02d", time.getMonthValue()),
                "day", String.format("%02d", time.getDayOfMonth()),
                "hour", String.format("%02d", time.getHour()));
        return fill(conf.partName() != null ? conf.partName() : defaultTemplate(), vals, "part_name");
    }

    /** True when the partition is known to exist in this batch and its events apply. */
    boolean known(String part) {
        return present.contains(part);
    }

    /** True when the partition's events are skipped in this batch (obsolete by the retention). */
    boolean isIgnored(String part) {
        return ignored.contains(part);
    }

    /**
     * Makes sure {@code part} exists, creating it for {@code time} when it does not; returns false
     * when its events are to be skipped ({@code ignore_old_events} and the partition is obsolete).
     */
    boolean ensure(Connection dst, String part, LocalDateTime time, List<String> pkey) throws SQLException {
        if (present.contains(part)) {
            return true;
        }
        if (ignored.contains(part)) {
            return false;
        }
        if (conf.ignoreOldEvents() && conf.retentionPeriod() != null && obsolete(dst, part)) {
            log.info("Ignored table: {}", part);
            ignored.add(part);
            return false;
        }
        if (!exists(dst, part)) {
            create(dst, part, time, pkey);
            // old partitions go at the end of the batch: changes for them may still be pending
            retentionDue = conf.retentionPeriod() != null;
        }
        present.add(part);
        return true;
    }

    /** Drops the partitions older than the retention period when this batch made one (after its last flush). */
    void afterBatch(Connection dst) throws SQLException {
        if (retentionDue) {
            retentionDue = false;
            dropObsolete(dst);
        }
    }

    private void create(Connection dst, String part, LocalDateTime time, List<String> pkey) throws SQLException {
        String quotedPart = Quoting.quoteFqName(part);
        Map<String, String> vals = new LinkedHashMap<>();
        vals.put("dest", quotedPart);
        vals.put("part", quotedPart);
        vals.put("parent", Quoting.quoteFqName(parent));
        vals.put("pkeys", String.join(",", pkey));
        vals.put("schema_table", quotedPart.replace(".", "__"));
        vals.put("part_field", conf.partField() == null ? "None" : conf.partField());
        vals.put("part_time", TIME.format(time));
        vals.put("period", conf.period());
        run(dst, conf.prePart(), vals, "pre_part");
        if (conf.partTemplate() != null) {
            run(dst, conf.partTemplate(), vals, "part_template");
        } else {
            String func = conf.partFunc();
            if (!functionExists(dst, func) && func.equals(DispatchConfig.DEFAULT_PART_FUNC)) {
                func = functionExists(dst, OLD_PART_FUNC) ? OLD_PART_FUNC : null;
            } else if (!functionExists(dst, func)) {
                func = null;
            }
            if (func != null) {
                try (PreparedStatement ps = dst.prepareStatement(
                        "select " + Quoting.quoteFqName(func) + "(?, ?, ?, ?, ?::timestamptz, ?)")) {
                    ps.setString(1, vals.get("parent"));
                    ps.setString(2, quotedPart);
                    ps.setString(3, vals.get("pkeys"));
                    ps.setString(4, conf.partField());
                    ps.setString(5, vals.get("part_time"));
                    ps.setString(6, conf.period());
                    ps.execute();
                }
            } else {
                // no partition function: a plain copy of the parent's structure, not inheriting
                try (Statement st = dst.createStatement()) {
                    st.execute(
                            "create table " + quotedPart + " (like " + Quoting.quoteFqName(parent) + " including all)");
                }
            }
        }
        run(dst, conf.postPart(), vals, "post_part");
        log.info("Created table: {}", quotedPart);
    }

    private void dropObsolete(Connection dst) throws SQLException {
        try (PreparedStatement ps =
                dst.prepareStatement("select londiste.drop_obsolete_partitions(?, ?::interval, ?)")) {
            ps.setString(1, parent);
            ps.setString(2, conf.retentionPeriod());
            ps.setString(3, conf.period());
            List<String> dropped = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    dropped.add(rs.getString(1));
                }
            }
            if (!dropped.isEmpty()) {
                log.info("Dropped tables: {}", String.join(", ", dropped));
                present.removeAll(dropped);
            }
        }
    }

    private boolean obsolete(Connection dst, String part) throws SQLException {
        try (PreparedStatement ps = dst.prepareStatement("select londiste.is_obsolete_partition(?, ?::interval, ?)")) {
            ps.setString(1, part);
            ps.setString(2, conf.retentionPeriod());
            ps.setString(3, conf.period());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static boolean exists(Connection dst, String table) throws SQLException {
        FqName n = FqName.parse(table);
        try (PreparedStatement ps = dst.prepareStatement("select 1 from pg_catalog.pg_class c"
                + " join pg_catalog.pg_namespace s on s.oid = c.relnamespace where s.nspname = ? and c.relname = ?")) {
            ps.setString(1, n.schema());
            ps.setString(2, n.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean functionExists(Connection dst, String func) throws SQLException {
        FqName n = FqName.parse(func);
        try (PreparedStatement ps = dst.prepareStatement("select 1 from pg_catalog.pg_proc p"
                + " join pg_catalog.pg_namespace s on s.oid = p.pronamespace"
                + " where s.nspname = ? and p.proname = ? and p.pronargs = 6")) {
            ps.setString(1, n.schema());
            ps.setString(2, n.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void run(Connection dst, String template, Map<String, String> vals, String arg) throws SQLException {
        if (template == null) {
            return;
        }
        try (Statement st = dst.createStatement()) {
            st.execute(fill(template, vals, arg));
        }
    }

    private String defaultTemplate() {
        List<String> parts = List.of("year", "month", "day", "hour");
        int upTo =
                switch (conf.period()) {
                    case "year" -> 1;
                    case "month" -> 2;
                    case "hour" -> 4;
                    default -> 3;
                };
        StringBuilder sb = new StringBuilder("%(parent)s");
        for (String p : parts.subList(0, upTo)) {
            sb.append("_%(").append(p).append(")s");
        }
        return sb.toString();
    }

    /** Python's {@code template % vals} for {@code %(name)s} and {@code %%}, the only forms the templates use. */
    static String fill(String template, Map<String, String> vals, String arg) {
        Matcher m = VAR.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String rep;
            if (m.group(1) == null) {
                rep = "%";
            } else {
                rep = vals.get(m.group(1));
                if (rep == null) {
                    throw SkyToolsException.config("dispatch handler: unknown variable %(" + m.group(1) + ")s in " + arg
                            + "; known: " + String.join(", ", vals.keySet()));
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString();
    }
}
