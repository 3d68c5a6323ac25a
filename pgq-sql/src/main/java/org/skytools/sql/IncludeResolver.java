package org.skytools.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/**
 * Reads an SQL resource from the classpath and replaces each {@code \i file} line by the named file,
 * resolved relative to the including file. The result is plain SQL that the driver can run as one
 * multi-statement string and psql can run with {@code -f}. Any other psql meta-command is refused,
 * because neither the driver nor the server would understand it.
 */
public final class IncludeResolver {
    private static final Pattern INCLUDE = Pattern.compile("^\\\\i\\s+(\\S+)\\s*$");

    private final ClassLoader loader;

    /** Resolves resources through the given class loader. */
    public IncludeResolver(ClassLoader loader) {
        this.loader = loader;
    }

    /** Resolves resources through the class loader that loaded this class. */
    public IncludeResolver() {
        this(IncludeResolver.class.getClassLoader());
    }

    /**
     * The text of a resource with every include inlined.
     *
     * @param resourcePath classpath path, for example {@code org/skytools/sql/pgq/install.sql}
     */
    public String flatten(String resourcePath) {
        StringBuilder out = new StringBuilder();
        append(normalize(resourcePath), out, new ArrayDeque<>());
        return out.toString();
    }

    /** The text of a resource as it is, without resolving anything. */
    public String read(String resourcePath) {
        String path = normalize(resourcePath);
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new SkyToolsException(
                        ErrorKind.INTERNAL, "SQL resource \"" + path + "\" not found on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SkyToolsException(ErrorKind.INTERNAL, "cannot read SQL resource \"" + path + "\"", e);
        }
    }

    private void append(String path, StringBuilder out, Deque<String> stack) {
        if (stack.contains(path)) {
            throw new SkyToolsException(
                    ErrorKind.INTERNAL, "SQL resource \"" + path + "\" includes itself through " + stack.peek());
        }
        stack.push(path);
        int lineNo = 0;
        for (String line : (Iterable<String>) read(path).lines()::iterator) {
            lineNo++;
            String trimmed = line.strip();
            if (!trimmed.startsWith("\\")) {
                out.append(line).append('\n');
                continue;
            }
            Matcher m = INCLUDE.matcher(trimmed);
            if (!m.matches()) {
                throw new SkyToolsException(
                        ErrorKind.INTERNAL,
                        "SQL resource \"" + path + "\" line " + lineNo + " has psql meta-command \"" + trimmed
                                + "\"; only \\i includes are allowed");
            }
            append(resolve(path, m.group(1)), out, stack);
        }
        stack.pop();
    }

    /** The path of {@code target} relative to the directory of {@code including}. */
    static String resolve(String including, String target) {
        int slash = including.lastIndexOf('/');
        String dir = slash < 0 ? "" : including.substring(0, slash + 1);
        return normalize(dir + target);
    }

    /** Removes {@code .} and {@code ..} segments and a leading slash. */
    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new SkyToolsException(
                            ErrorKind.INTERNAL, "SQL resource path \"" + path + "\" leaves the classpath root");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }
}
