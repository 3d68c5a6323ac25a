package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaBundleTest {
    private final IncludeResolver resolver = new IncludeResolver();

    @ParameterizedTest
    @EnumSource(SqlSchema.class)
    void versionFunctionReturnsTheVersionFile(SqlSchema schema) {
        SchemaBundle bundle = SchemaBundle.load(schema, resolver);
        String function = resolver.read(schema.resource("functions/" + schema.schemaName() + ".version.sql"));

        assertThat(function).contains("return '" + bundle.version() + "';");
    }

    @Test
    void pgqBundleHasInstallAndUpgradeScripts() {
        SchemaBundle bundle = SchemaBundle.load(SqlSchema.PGQ, resolver);

        assertThat(bundle.version().numbers()).hasSize(3);
        assertThat(bundle.installSql()).contains("create schema pgq;").contains("select pgq.upgrade_schema();");
        assertThat(bundle.upgradeSql()).doesNotContain("create schema pgq;").contains("select pgq.upgrade_schema();");
    }

    @Test
    void generatorWritesOneTransactionPerFile(@TempDir Path dir) throws Exception {
        new SqlFileGenerator(resolver).writeAll(dir.resolve("sql"));

        String install = Files.readString(dir.resolve("sql/pgq.sql"));
        String upgrade = Files.readString(dir.resolve("sql/pgq.upgrade.sql"));
        assertThat(install).startsWith("-- pgq ").contains("\nbegin;\n").endsWith("\ncommit;\n");
        assertThat(install).contains(SchemaBundle.load(SqlSchema.PGQ, resolver).installSql());
        assertThat(upgrade).contains("\nbegin;\n").endsWith("\ncommit;\n").doesNotContain("create schema pgq;");
    }
}
