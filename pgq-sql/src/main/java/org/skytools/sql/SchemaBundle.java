package org.skytools.sql;

/**
 * The SQL this release ships for one schema: its version and the flattened install and upgrade
 * scripts.
 *
 * @param schema the schema
 * @param version the version {@code <schema>.version()} reports after install or upgrade
 * @param installSql install script with includes resolved
 * @param upgradeSql upgrade script with includes resolved
 */
public record SchemaBundle(SqlSchema schema, SchemaVersion version, String installSql, String upgradeSql) {

    /** Reads the schema's resources through the resolver. */
    public static SchemaBundle load(SqlSchema schema, IncludeResolver resolver) {
        return new SchemaBundle(
                schema,
                SchemaVersion.valueOf(resolver.read(schema.resource("VERSION"))),
                resolver.flatten(schema.resource("install.sql")),
                resolver.flatten(schema.resource("upgrade.sql")));
    }
}
