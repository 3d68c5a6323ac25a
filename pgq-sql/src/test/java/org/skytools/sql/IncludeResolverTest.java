package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skytools.common.error.SkyToolsException;

class IncludeResolverTest {
    private final IncludeResolver resolver = new IncludeResolver();

    @Test
    void includesAreInlinedRelativeToTheIncludingFile() {
        String sql = resolver.flatten("org/skytools/sql/testres/outer.sql");

        assertThat(sql).isEqualTo("select 1;\nselect 2;\nselect $$ \\i not an include inside a line $$;\nselect 3;\n");
    }

    @Test
    void otherMetaCommandsAreRefusedWithFileAndLine() {
        assertThatThrownBy(() -> resolver.flatten("org/skytools/sql/testres/meta.sql"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("\"org/skytools/sql/testres/meta.sql\" line 2")
                .hasMessageContaining("\\set ON_ERROR_STOP 1");
    }

    @Test
    void includeCyclesAreRefused() {
        assertThatThrownBy(() -> resolver.flatten("org/skytools/sql/testres/cycle_a.sql"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("includes itself");
    }

    @Test
    void missingIncludesAreReported() {
        assertThatThrownBy(() -> resolver.flatten("org/skytools/sql/testres/missing.sql"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("\"org/skytools/sql/testres/no_such_file.sql\" not found");
    }

    @Test
    void pathsAreNormalized() {
        assertThat(IncludeResolver.resolve("a/b/install.sql", "../functions/x.sql"))
                .isEqualTo("a/functions/x.sql");
        assertThat(IncludeResolver.resolve("install.sql", "./structure/t.sql")).isEqualTo("structure/t.sql");
        assertThatThrownBy(() -> IncludeResolver.resolve("install.sql", "../../x.sql"))
                .isInstanceOf(SkyToolsException.class);
    }

    @Test
    void noShippedResourceUsesAMetaCommandOtherThanInclude() throws Exception {
        Pattern include = Pattern.compile("^\\\\i\\s+\\S+\\s*$");
        List<Path> files = shippedSqlFiles();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (line.strip().startsWith("\\")) {
                    assertThat(line.strip()).as("meta-command in %s", file).matches(include);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SqlSchema.class)
    void everyShippedSqlFileIsReachableFromInstallOrUpgrade(SqlSchema schema) throws Exception {
        Path dir = resourceRoot().resolve(schema.resourceDir());
        Set<String> reached = new HashSet<>();
        collectIncludes(schema.resource("install.sql"), reached);
        collectIncludes(schema.resource("upgrade.sql"), reached);

        Set<String> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".sql"))
                    .map(p -> schema.resourceDir() + "/"
                            + dir.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        }
        assertThat(reached).containsAll(files);
    }

    @ParameterizedTest
    @EnumSource(SqlSchema.class)
    void installAndUpgradeScriptsFlattenToPlainSql(SqlSchema schema) {
        for (String script : List.of("install.sql", "upgrade.sql")) {
            String sql = resolver.flatten(schema.resource(script));
            assertThat(sql).contains("create or replace function " + schema.schemaName() + ".version()");
            assertThat(sql.lines().filter(l -> l.strip().startsWith("\\"))).isEmpty();
        }
    }

    private void collectIncludes(String path, Set<String> reached) {
        reached.add(path);
        Matcher m = Pattern.compile("(?m)^\\\\i\\s+(\\S+)\\s*$").matcher(resolver.read(path));
        while (m.find()) {
            collectIncludes(IncludeResolver.resolve(path, m.group(1)), reached);
        }
    }

    private static List<Path> shippedSqlFiles() throws IOException, URISyntaxException {
        Path root = resourceRoot().resolve("org/skytools/sql");
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".sql"))
                    .filter(p -> !p.toString().contains("testres"))
                    .toList();
        }
    }

    /** The directory the main resources were copied to (target/classes). */
    static Path resourceRoot() throws URISyntaxException {
        Path version = Path.of(IncludeResolver.class
                .getClassLoader()
                .getResource(SqlSchema.PGQ.resource("VERSION"))
                .toURI());
        Path root = version;
        for (String ignored : SqlSchema.PGQ.resource("VERSION").split("/")) {
            root = root.getParent();
        }
        return root;
    }
}
