package org.skytools.londiste.table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.skytools.common.db.DdlStatement;
import org.skytools.common.db.FqName;
import org.skytools.common.db.TableStructure;
import org.skytools.common.db.TableStructureReader;
import org.skytools.common.error.SkyToolsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Catalog checks and table creation from the provider's structure ({@code --create}, {@code --create-full}). */
public final class TableStructures {
    private static final Logger log = LoggerFactory.getLogger(TableStructures.class);

    private TableStructures() {}

    static void createFromProvider(Connection node, Connection provider, FqName src, FqName dest, boolean full)
            throws SQLException {
        TableStructure s = new TableStructureReader().read(provider, src);
        SqlRows.endRead(provider);
        List<DdlStatement> ddl = renamed(s, dest, full);
        for (DdlStatement st : ddl) {
            log.info("creating: {}", st.sql());
            SqlRows.execute(node, st.sql());
        }
    }

    // The provider's table may be named otherwise (dest-table there or here); statements that
    // name the table itself (indexes, triggers, rules) get the local name.
    private static List<DdlStatement> renamed(TableStructure s, FqName dest, boolean full) {
        TableStructure t = new TableStructure(
                dest,
                s.owner(),
                s.unlogged(),
                s.comment(),
                s.columns(),
                s.primaryKey(),
                s.constraints(),
                s.indexes(),
                s.triggers(),
                s.rules(),
                s.grants(),
                s.ownedSequences());
        List<DdlStatement> ddl = full ? t.fullDdl() : t.minimalDdl();
        if (dest.equals(s.name())) {
            return ddl;
        }
        List<DdlStatement> out = new ArrayList<>();
        String from = " ON " + s.name().quoted() + " ";
        String fromLower = " on " + s.name().quoted() + " ";
        for (DdlStatement st : ddl) {
            String sql = st.sql()
                    .replace(from, " ON " + dest.quoted() + " ")
                    .replace(fromLower, " on " + dest.quoted() + " ");
            if (st.kind() == DdlStatement.Kind.RULE) {
                sql = sql.replace(" TO " + s.name().quoted() + " ", " TO " + dest.quoted() + " ");
            }
            out.add(new DdlStatement(st.kind(), st.object(), sql));
        }
        return out;
    }

    static void checkColumns(Connection node, Connection provider, FqName src, FqName dest) throws SQLException {
        Set<String> local = new LinkedHashSet<>(columns(node, dest));
        Set<String> remote = new LinkedHashSet<>(columns(provider, src));
        SqlRows.endRead(provider);
        if (local.equals(remote)) {
            return;
        }
        Set<String> onlyLocal = new LinkedHashSet<>(local);
        onlyLocal.removeAll(remote);
        Set<String> onlyRemote = new LinkedHashSet<>(remote);
        onlyRemote.removeAll(local);
        throw SkyToolsException.state("columns of table \"" + dest + "\" differ from the provider's \"" + src
                + "\" (only here: " + String.join(", ", onlyLocal) + "; only on provider: "
                + String.join(", ", onlyRemote) + "); fix the table or use --force");
    }

    /** Column names of a table in attribute order. */
    public static List<String> columns(Connection c, FqName table) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : SqlRows.query(
                c,
                "select a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid"
                        + " join pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname = ? and c.relname = ? and a.attnum > 0 and not a.attisdropped"
                        + " order by a.attnum",
                table.schema(),
                table.name())) {
            out.add((String) r.get("attname"));
        }
        return out;
    }

    /** Whether an ordinary or partitioned table exists. */
    public static boolean tableExists(Connection c, FqName table) throws SQLException {
        return SqlRows.value(
                        c,
                        "select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                                + " where n.nspname = ? and c.relname = ? and c.relkind in ('r', 'p')",
                        table.schema(),
                        table.name())
                != null;
    }
}
