package org.skytools.qadmin.exec;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.qadmin.lang.Statement;
import org.skytools.sql.InstallOutcome;
import org.skytools.sql.SchemaInstaller;
import org.skytools.sql.SqlSchema;

/**
 * {@code install pgq} installs or upgrades pgq, pgq_ext, pgq_node and pgq_coop; {@code install
 * londiste} adds londiste. Schemas this build does not ship are named in a warning, and {@code
 * install londiste} fails when londiste itself is not among them.
 */
final class InstallAction {
    private static final List<String> PGQ_SCHEMAS = List.of("pgq", "pgq_ext", "pgq_node", "pgq_coop");

    private final Session session;
    private final Output out;
    private final SchemaInstaller installer;

    InstallAction(Session session, Output out, SchemaInstaller installer) {
        this.session = session;
        this.out = out;
        this.installer = installer;
    }

    void run(Statement.Install statement) throws SQLException {
        List<String> names = new ArrayList<>(PGQ_SCHEMAS);
        if (statement.module() == Statement.Module.LONDISTE) {
            names.add("londiste");
        }
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            Optional<SqlSchema> schema = bundled(name);
            if (schema.isEmpty()) {
                missing.add(name);
                continue;
            }
            out.line(describe(installer.apply(session.connection(), schema.get())));
        }
        session.refreshVersions();
        if (!missing.isEmpty()) {
            out.warning("this build of SkyTools does not include schema" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; not installed");
        }
        if (missing.contains("londiste")) {
            throw new SkyToolsException(
                    ErrorKind.SCHEMA_MISSING,
                    "schema \"londiste\" is not included in this build of SkyTools and was not installed");
        }
        out.line("INSTALL");
    }

    private static Optional<SqlSchema> bundled(String name) {
        return Arrays.stream(SqlSchema.values())
                .filter(s -> s.schemaName().equals(name))
                .findFirst();
    }

    private static String describe(InstallOutcome o) {
        String name = o.schema().schemaName();
        return switch (o.action()) {
            case INSTALLED -> "installed " + name + " " + o.after();
            case UPGRADED -> "upgraded " + name + " from " + o.before() + " to " + o.after();
            case UNCHANGED -> name + " " + o.after() + " is up to date";
        };
    }
}
