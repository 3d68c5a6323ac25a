package org.skytools.sql;

/**
 * What {@link SchemaInstaller} did to one schema.
 *
 * @param schema the schema
 * @param action what was done
 * @param before version installed before, or null when the schema was absent
 * @param after version installed now
 */
public record InstallOutcome(SqlSchema schema, Action action, SchemaVersion before, SchemaVersion after) {

    /** The three things an installer can do. */
    public enum Action {
        /** The schema was absent and has been installed. */
        INSTALLED,
        /** An older version has been upgraded. */
        UPGRADED,
        /** The bundled version was installed already. */
        UNCHANGED
    }
}
