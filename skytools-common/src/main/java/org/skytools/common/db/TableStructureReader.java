package org.skytools.common.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.skytools.common.error.SkyToolsException;

/**
 * Reads a {@link TableStructure} from the catalog of a live connection. Works on PostgreSQL 13
 * and later; uses only catalog functions ({@code format_type}, {@code pg_get_constraintdef},
 * {@code pg_get_indexdef}, {@code pg_get_triggerdef}, {@code pg_get_ruledef}, {@code aclexplode}).
 */
public final class TableStructureReader {
    private static final String TABLE = "select c.oid, pg_get_userbyid(c.relowner), c.relpersistence = 'u',"
            + " obj_description(c.oid, 'pg_class')"
            + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname = ? and c.relname = ? and c.relkind in ('r', 'p')";
    private static final String COLUMNS = "select a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            + " pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,"
            + " cn.nspname, co.collname, col_description(a.attrelid, a.attnum)"
            + " from pg_attribute a join pg_type t on t.oid = a.atttypid"
            + " left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
            + " left join pg_collation co on co.oid = a.attcollation and a.attcollation <> t.typcollation"
            + " left join pg_namespace cn on cn.oid = co.collnamespace"
            + " where a.attrelid = ?::oid and a.attnum > 0 and not a.attisdropped order by a.attnum";
    // Foreign keys last, so that replaying the list finds the unique keys they may point at.
    private static final String CONSTRAINTS = "select conname, contype, pg_get_constraintdef(oid)"
            + " from pg_constraint where conrelid = ?::oid and contype in ('p', 'u', 'c', 'f', 'x') and conislocal"
            + " order by contype = 'f', conname";
    private static final String INDEXES = "select ic.relname, pg_get_indexdef(i.indexrelid)"
            + " from pg_index i join pg_class ic on ic.oid = i.indexrelid"
            + " where i.indrelid = ?::oid and not exists (select 1 from pg_constraint k"
            + "   where k.conindid = i.indexrelid and k.conrelid = i.indrelid and k.contype in ('p', 'u', 'x'))"
            + " order by ic.relname";
    private static final String TRIGGERS = "select tgname, pg_get_triggerdef(oid), tgenabled"
            + " from pg_trigger where tgrelid = ?::oid and not tgisinternal order by tgname";
    private static final String RULES = "select rulename, pg_get_ruledef(oid)"
            + " from pg_rewrite where ev_class = ?::oid and rulename <> '_RETURN' order by rulename";
    private static final String GRANTS = "select case when a.grantee = 0 then 'PUBLIC'"
            + " else pg_get_userbyid(a.grantee) end as grantee, a.privilege_type, a.is_grantable"
            + " from pg_class c, aclexplode(c.relacl) a where c.oid = ?::oid order by 1, 2";
    private static final String SEQUENCES = "select a.attname, sn.nspname, s.relname"
            + " from pg_depend d join pg_class s on s.oid = d.objid and s.relkind = 'S'"
            + " join pg_namespace sn on sn.oid = s.relnamespace"
            + " join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid"
            + " where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass"
            + " and d.refobjid = ?::oid and d.deptype in ('a', 'i') order by a.attnum";

    /**
     * Reads the structure of {@code table}.
     *
     * @throws SkyToolsException STATE when there is no such table
     */
    public TableStructure read(Connection c, FqName table) throws SQLException {
        long oid;
        String owner;
        boolean unlogged;
        String comment;
        try (PreparedStatement ps = c.prepareStatement(TABLE)) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw SkyToolsException.state("table \"" + table + "\" does not exist");
                }
                oid = rs.getLong(1);
                owner = rs.getString(2);
                unlogged = rs.getBoolean(3);
                comment = rs.getString(4);
            }
        }
        List<TableStructure.Column> columns = new ArrayList<>();
        for (List<String> r : rows(c, COLUMNS, oid)) {
            boolean generated = !r.get(5).isEmpty();
            columns.add(new TableStructure.Column(
                    r.get(0),
                    r.get(1),
                    "t".equals(r.get(2)),
                    generated ? null : r.get(3),
                    switch (r.get(4)) {
                        case "a" -> TableStructure.Identity.ALWAYS;
                        case "d" -> TableStructure.Identity.BY_DEFAULT;
                        default -> TableStructure.Identity.NONE;
                    },
                    generated ? r.get(3) : null,
                    r.get(7) == null ? null : new FqName(r.get(6), r.get(7)).quoted(),
                    r.get(8)));
        }
        TableStructure.Constraint pk = null;
        List<TableStructure.Constraint> constraints = new ArrayList<>();
        for (List<String> r : rows(c, CONSTRAINTS, oid)) {
            TableStructure.Constraint k =
                    new TableStructure.Constraint(r.get(0), r.get(1).charAt(0), r.get(2));
            if (k.type() == 'p') {
                pk = k;
            } else {
                constraints.add(k);
            }
        }
        return new TableStructure(
                table,
                owner,
                unlogged,
                comment,
                columns,
                pk,
                constraints,
                rows(c, INDEXES, oid).stream()
                        .map(r -> new TableStructure.Index(r.get(0), r.get(1)))
                        .toList(),
                rows(c, TRIGGERS, oid).stream()
                        .map(r -> new TableStructure.Trigger(
                                r.get(0), r.get(1), r.get(2).charAt(0)))
                        .toList(),
                rows(c, RULES, oid).stream()
                        .map(r -> new TableStructure.Rule(r.get(0), stripSemicolon(r.get(1))))
                        .toList(),
                rows(c, GRANTS, oid).stream()
                        .map(r -> new TableStructure.Grant(r.get(0), r.get(1), "t".equals(r.get(2))))
                        .toList(),
                rows(c, SEQUENCES, oid).stream()
                        .map(r -> new TableStructure.OwnedSequence(r.get(0), new FqName(r.get(1), r.get(2))))
                        .toList());
    }

    private static String stripSemicolon(String s) {
        String t = s.strip();
        return t.endsWith(";") ? t.substring(0, t.length() - 1) : t;
    }

    // Every column as text (booleans as t/f), which keeps the mapping code short.
    private static List<List<String>> rows(Connection c, String sql, long oid) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        row.add(v == null ? null : v instanceof Boolean b ? (b ? "t" : "f") : v.toString());
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
