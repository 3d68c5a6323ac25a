package org.skytools.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step: writes each bundled schema as single SQL files for installs with psql, {@code
 * <schema>.sql} (install) and {@code <schema>.upgrade.sql} (upgrade). Each file runs in one
 * transaction, so a failed install leaves nothing behind.
 */
public final class SqlFileGenerator {
    private final IncludeResolver resolver;

    /** A generator reading the schemas through the given resolver. */
    public SqlFileGenerator(IncludeResolver resolver) {
        this.resolver = resolver;
    }

    /** Writes the files of every schema into the directory, creating it when needed. */
    public void writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (SqlSchema schema : SqlSchema.values()) {
            SchemaBundle bundle = SchemaBundle.load(schema, resolver);
            String name = schema.schemaName();
            write(dir.resolve(name + ".sql"), bundle, "install", bundle.installSql());
            write(dir.resolve(name + ".upgrade.sql"), bundle, "upgrade", bundle.upgradeSql());
        }
    }

    private static void write(Path file, SchemaBundle bundle, String what, String sql) throws IOException {
        String name = bundle.schema().schemaName();
        String text = "-- " + name + " " + bundle.version() + " " + what + ", for psql: psql -d DBNAME -f "
                + file.getFileName() + "\n"
                + "begin;\n\n"
                + sql
                + "\ncommit;\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Entry point for the build: the single argument is the output directory. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SqlFileGenerator OUTPUT_DIR");
        }
        new SqlFileGenerator(new IncludeResolver()).writeAll(Path.of(args[0]));
    }
}
