package org.skytools.common.db;

import static org.skytools.common.db.Quoting.quoteIdent;
import static org.skytools.common.db.Quoting.quoteLiteral;

import java.util.ArrayList;
import java.util.List;
import org.skytools.common.db.DdlStatement.Kind;

/** Emits the DDL of a {@link TableStructure}, one statement per object. */
final class TableDdl {
    private TableDdl() {}

    static List<DdlStatement> minimal(TableStructure t) {
        List<DdlStatement> out = new ArrayList<>();
        schema(t.name(), out);
        out.add(new DdlStatement(Kind.TABLE, t.name().toString(), createTable(t, false)));
        primaryKey(t, out);
        return out;
    }

    static List<DdlStatement> full(TableStructure t) {
        List<DdlStatement> out = new ArrayList<>();
        String table = t.name().quoted();
        schema(t.name(), out);
        out.add(new DdlStatement(Kind.TABLE, t.name().toString(), createTable(t, true)));
        for (TableStructure.Column c : t.columns()) {
            if (c.defaultExpr() != null) {
                out.add(new DdlStatement(
                        Kind.DEFAULT,
                        c.name(),
                        "alter table only " + table + " alter column " + quoteIdent(c.name()) + " set default "
                                + c.defaultExpr()));
            }
        }
        primaryKey(t, out);
        for (TableStructure.Constraint c : t.constraints()) {
            out.add(new DdlStatement(Kind.CONSTRAINT, c.name(), addConstraint(table, c)));
        }
        for (TableStructure.Index i : t.indexes()) {
            out.add(new DdlStatement(Kind.INDEX, i.name(), i.definition()));
        }
        for (TableStructure.Trigger tg : t.triggers()) {
            out.add(new DdlStatement(Kind.TRIGGER, tg.name(), tg.definition()));
            String state =
                    switch (tg.enabled()) {
                        case 'D' -> "disable trigger ";
                        case 'R' -> "enable replica trigger ";
                        case 'A' -> "enable always trigger ";
                        default -> null;
                    };
            if (state != null) {
                out.add(new DdlStatement(
                        Kind.TRIGGER, tg.name(), "alter table " + table + " " + state + quoteIdent(tg.name())));
            }
        }
        for (TableStructure.Rule r : t.rules()) {
            out.add(new DdlStatement(Kind.RULE, r.name(), r.definition()));
        }
        out.add(new DdlStatement(Kind.OWNER, t.owner(), "alter table " + table + " owner to " + quoteIdent(t.owner())));
        for (TableStructure.Grant g : t.grants()) {
            String grantee = g.grantee().equals("PUBLIC") ? "public" : quoteIdent(g.grantee());
            out.add(new DdlStatement(
                    Kind.GRANT,
                    g.grantee(),
                    "grant " + g.privilege().toLowerCase() + " on table " + table + " to " + grantee
                            + (g.grantable() ? " with grant option" : "")));
        }
        if (t.comment() != null) {
            out.add(new DdlStatement(
                    Kind.COMMENT,
                    t.name().toString(),
                    "comment on table " + table + " is " + quoteLiteral(t.comment())));
        }
        for (TableStructure.Column c : t.columns()) {
            if (c.comment() != null) {
                out.add(new DdlStatement(
                        Kind.COMMENT,
                        c.name(),
                        "comment on column " + table + "." + quoteIdent(c.name()) + " is "
                                + quoteLiteral(c.comment())));
            }
        }
        return out;
    }

    private static void schema(FqName name, List<DdlStatement> out) {
        // public exists everywhere, and CREATE SCHEMA IF NOT EXISTS still needs CREATE on the database.
        if (!name.schema().equals("public")) {
            out.add(new DdlStatement(
                    Kind.SCHEMA, name.schema(), "create schema if not exists " + quoteIdent(name.schema())));
        }
    }

    private static void primaryKey(TableStructure t, List<DdlStatement> out) {
        if (t.primaryKey() != null) {
            out.add(new DdlStatement(
                    Kind.PRIMARY_KEY,
                    t.primaryKey().name(),
                    addConstraint(t.name().quoted(), t.primaryKey())));
        }
    }

    private static String addConstraint(String table, TableStructure.Constraint c) {
        return "alter table only " + table + " add constraint " + quoteIdent(c.name()) + " " + c.definition();
    }

    private static String createTable(TableStructure t, boolean full) {
        StringBuilder sb = new StringBuilder("create ");
        if (t.unlogged()) {
            sb.append("unlogged ");
        }
        sb.append("table ").append(t.name().quoted()).append(" (");
        String sep = "\n    ";
        for (TableStructure.Column c : t.columns()) {
            sb.append(sep).append(quoteIdent(c.name())).append(' ').append(c.type());
            sep = ",\n    ";
            if (c.collation() != null) {
                sb.append(" collate ").append(c.collation());
            }
            if (full && c.generatedExpr() != null) {
                sb.append(" generated always as (").append(c.generatedExpr()).append(") stored");
            }
            if (full && c.identity() != TableStructure.Identity.NONE) {
                sb.append(
                        c.identity() == TableStructure.Identity.ALWAYS
                                ? " generated always as identity"
                                : " generated by default as identity");
            }
            if (c.notNull()) {
                sb.append(" not null");
            }
        }
        return sb.append(t.columns().isEmpty() ? ")" : "\n)").toString();
    }
}
