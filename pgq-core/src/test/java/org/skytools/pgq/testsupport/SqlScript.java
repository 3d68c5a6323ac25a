package org.skytools.pgq.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/** Runs a bundled SQL install script from the classpath, following its psql {@code \i} includes. */
public final class SqlScript {
    private SqlScript() {}

    /** The script at {@code resource} with every {@code \i file} replaced by the file's text. */
    public static String load(String resource) throws IOException {
        StringBuilder out = new StringBuilder();
        append(Path.of(resource).normalize(), out);
        return out.toString();
    }

    /** Loads {@code resource} and executes it on {@code c}. */
    public static void run(Connection c, String resource) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute(load(resource));
        }
    }

    private static void append(Path resource, StringBuilder out) throws IOException {
        String name = resource.toString().replace('\\', '/');
        try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no resource " + name);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                String t = line.strip();
                if (t.startsWith("\\i ") || t.startsWith("\\ir ")) {
                    String file = t.substring(t.indexOf(' ') + 1).strip();
                    append(resource.getParent().resolve(file).normalize(), out);
                } else {
                    out.append(line).append('\n');
                }
            }
        }
    }
}
