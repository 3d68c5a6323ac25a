package org.skytools.common.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.skytools.common.db.DdlStatement.Kind;
import org.skytools.common.error.SkyToolsException;

/**
 * The definition of a sequence (from {@code pg_sequence}), enough for {@code add-seq --create}.
 * The current value is not part of it: replication moves values separately.
 *
 * @param name the sequence
 * @param dataType {@code smallint}, {@code integer} or {@code bigint}
 * @param start {@code START WITH}
 * @param increment {@code INCREMENT BY}
 * @param minValue {@code MINVALUE}
 * @param maxValue {@code MAXVALUE}
 * @param cache {@code CACHE}
 * @param cycle {@code CYCLE}
 */
public record SequenceStructure(
        FqName name,
        String dataType,
        long start,
        long increment,
        long minValue,
        long maxValue,
        long cache,
        boolean cycle) {

    private static final String SQL = "select format_type(s.seqtypid, null), s.seqstart, s.seqincrement,"
            + " s.seqmin, s.seqmax, s.seqcache, s.seqcycle"
            + " from pg_sequence s join pg_class c on c.oid = s.seqrelid"
            + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname = ?";

    /**
     * Reads a sequence definition.
     *
     * @throws SkyToolsException STATE when there is no such sequence
     */
    public static SequenceStructure read(Connection c, FqName name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, name.schema());
            ps.setString(2, name.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw SkyToolsException.state("sequence \"" + name + "\" does not exist");
                }
                return new SequenceStructure(
                        name,
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getBoolean(7));
            }
        }
    }

    /** {@code create schema if not exists} (unless public) and {@code create sequence} with every option. */
    public List<DdlStatement> createDdl() {
        List<DdlStatement> out = new ArrayList<>();
        if (!name.schema().equals("public")) {
            out.add(new DdlStatement(
                    Kind.SCHEMA, name.schema(), "create schema if not exists " + Quoting.quoteIdent(name.schema())));
        }
        out.add(new DdlStatement(
                Kind.SEQUENCE,
                name.toString(),
                "create sequence " + name.quoted() + " as " + dataType + " increment by " + increment
                        + " minvalue " + minValue + " maxvalue " + maxValue + " start with " + start
                        + " cache " + cache + (cycle ? " cycle" : " no cycle")));
        return out;
    }
}
