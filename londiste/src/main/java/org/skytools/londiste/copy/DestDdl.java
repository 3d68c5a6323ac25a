package org.skytools.londiste.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.skytools.common.db.FqName;
import org.skytools.common.db.Quoting;
import org.skytools.common.db.TableStructure;
import org.skytools.common.db.TableStructureReader;
import org.skytools.londiste.table.SqlRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the constraints, indexes and rules of the destination table before the COPY and makes
 * them again after, as SkyTools 3 does (L-5): loading without indexes and building them once is
 * much faster. Triggers stay. Both halves run in the copy's transaction, so a crash loses nothing;
 * a copy that loads over several connections commits the drop first and keeps the statements
 * that make the objects again in {@code londiste.table_info.dropped_ddl} ({@link #script}), for the
 * next attempt if this one dies ({@link #saved}).
 */
final class DestDdl {
    private static final Logger log = LoggerFactory.getLogger(DestDdl.class);

    private final List<String> drop = new ArrayList<>();
    private final List<String> create = new ArrayList<>();

    private DestDdl() {}

    /** Reads what to drop and re-create on {@code table}; foreign keys must be gone already. */
    static DestDdl read(Connection dst, FqName table) throws SQLException {
        TableStructure s = new TableStructureReader().read(dst, table);
        DestDdl d = new DestDdl();
        String t = table.quoted();
        for (TableStructure.Rule r : s.rules()) {
            d.drop.add("drop rule " + Quoting.quoteIdent(r.name()) + " on " + t);
        }
        List<TableStructure.Constraint> cons = new ArrayList<>();
        if (s.primaryKey() != null) {
            cons.add(s.primaryKey());
        }
        for (TableStructure.Constraint c : s.constraints()) {
            if (c.type() != 'f') {
                cons.add(c);
            }
        }
        for (TableStructure.Constraint c : cons) {
            d.drop.add("alter table only " + t + " drop constraint " + Quoting.quoteIdent(c.name()));
            d.create.add(
                    "alter table only " + t + " add constraint " + Quoting.quoteIdent(c.name()) + " " + c.definition());
        }
        for (TableStructure.Index i : s.indexes()) {
            d.drop.add("drop index " + new FqName(table.schema(), i.name()).quoted());
            d.create.add(i.definition());
        }
        for (TableStructure.Rule r : s.rules()) {
            d.create.add(r.definition());
        }
        return d;
    }

    /**
     * What an earlier copy dropped and kept ({@link #script}): nothing is left to drop, and the
     * script makes it all again.
     */
    static DestDdl saved(String script) {
        DestDdl d = new DestDdl();
        d.create.add(script);
        return d;
    }

    /** The statements that make the dropped objects again, as one script. */
    String script() {
        return String.join(";\n", create);
    }

    void dropAll(Connection dst) throws SQLException {
        for (String sql : drop) {
            log.info("{}", sql);
            SqlRows.execute(dst, sql);
        }
    }

    void createAll(Connection dst) throws SQLException {
        for (String sql : create) {
            log.info("{}", sql);
            // a saved script holds several statements: a plain statement runs them all
            try (Statement st = dst.createStatement()) {
                st.execute(sql);
            }
        }
    }
}
