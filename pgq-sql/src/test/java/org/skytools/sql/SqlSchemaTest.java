package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SqlSchemaTest {
    private final IncludeResolver resolver = new IncludeResolver();

    @Test
    void requirementsComeInInstallOrder() {
        assertThat(SqlSchema.PGQ.withRequirements()).containsExactly(SqlSchema.PGQ);
        assertThat(SqlSchema.PGQ_NODE.withRequirements()).containsExactly(SqlSchema.PGQ, SqlSchema.PGQ_NODE);
        assertThat(SqlSchema.LONDISTE.withRequirements())
                .containsExactly(SqlSchema.PGQ, SqlSchema.PGQ_NODE, SqlSchema.LONDISTE);
        assertThat(SqlSchema.PGQ_COOP.requires()).containsExactly(SqlSchema.PGQ);
    }

    @ParameterizedTest
    @EnumSource(SqlSchema.class)
    void everyRequirementIsDeclaredBeforeTheSchema(SqlSchema schema) {
        for (SqlSchema required : schema.requires()) {
            assertThat(required.ordinal()).isLessThan(schema.ordinal());
        }
    }

    @Test
    void nodeAndLondisteBundlesInstallTablesAndRunTheirSchemaUpgrade() {
        for (SqlSchema schema : new SqlSchema[] {SqlSchema.PGQ_NODE, SqlSchema.LONDISTE}) {
            SchemaBundle bundle = SchemaBundle.load(schema, resolver);
            String name = schema.schemaName();
            assertThat(bundle.installSql())
                    .contains("create schema " + name + ";")
                    .contains("select " + name + ".upgrade_schema();");
            assertThat(bundle.upgradeSql())
                    .doesNotContain("create schema " + name + ";")
                    .doesNotContain("create table " + name + ".")
                    .contains("select " + name + ".upgrade_schema();");
        }
    }

    @Test
    void generatedFilesOfDependentSchemasNameWhatTheyNeed(@TempDir Path dir) throws Exception {
        new SqlFileGenerator(resolver).writeAll(dir);

        for (SqlSchema schema : SqlSchema.values()) {
            assertThat(dir.resolve(schema.schemaName() + ".sql")).isRegularFile();
            assertThat(dir.resolve(schema.schemaName() + ".upgrade.sql")).isRegularFile();
        }
        assertThat(Files.readString(dir.resolve("londiste.sql")))
                .startsWith("-- londiste ")
                .contains("\n-- needs pgq, pgq_node in the database first\nbegin;\n")
                .endsWith("\ncommit;\n");
        assertThat(Files.readString(dir.resolve("pgq.sql"))).doesNotContain("-- needs");
    }
}
