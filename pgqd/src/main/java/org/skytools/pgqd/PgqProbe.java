package org.skytools.pgqd;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.skytools.pgq.PgqClient;

/**
 * Looks for a usable PgQ in a database, as the C pgqd does before ticking: schema {@code pgq}
 * must exist and {@code pgq.version()} must start with a character not below {@code '3'}.
 */
final class PgqProbe {
    /** SQLSTATE undefined_function: a {@code pgq} schema without {@code version()}. */
    private static final String UNDEFINED_FUNCTION = "42883";

    /** What was found. */
    enum Status {
        /** No schema {@code pgq}. */
        NO_SCHEMA,
        /** Schema {@code pgq} without a version PgQ 3 can be ticked with. */
        BAD_VERSION,
        /** PgQ 3 or later. */
        OK
    }

    /**
     * The outcome of a probe.
     *
     * @param status what was found
     * @param version the text of {@code pgq.version()}, or null
     */
    record Result(Status status, String version) {}

    private PgqProbe() {}

    /** Probes the database of {@code pgq}; SQL failures other than a missing version() propagate. */
    static Result probe(PgqClient pgq) throws SQLException {
        try (Statement st = pgq.connection().createStatement();
                ResultSet rs = st.executeQuery("select 1 from pg_catalog.pg_namespace where nspname = 'pgq'")) {
            if (!rs.next()) {
                return new Result(Status.NO_SCHEMA, null);
            }
        }
        String version;
        try {
            version = pgq.version();
        } catch (SQLException e) {
            if (UNDEFINED_FUNCTION.equals(e.getSQLState())) {
                return new Result(Status.BAD_VERSION, null);
            }
            throw e;
        }
        return new Result(versionAccepted(version) ? Status.OK : Status.BAD_VERSION, version);
    }

    /**
     * Whether a {@code pgq.version()} text is accepted. This is the C pgqd's plain first-character
     * compare, kept for compatibility: "3.5" and "4.0" pass, "2.1" fails, and so would "10.0".
     */
    static boolean versionAccepted(String version) {
        return version != null && !version.isEmpty() && version.charAt(0) >= '3';
    }
}
