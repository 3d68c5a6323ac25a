package org.skytools.pgqd;

import org.skytools.common.cli.VersionProvider;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code pgqd -V}: {@code pgqd version <v>} as the C pgqd printed it (scripts grep for
 * "version"), then the product and the Java runtime.
 */
public final class PgqdVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "pgqd version " + VersionProvider.productVersion() + " (SkyTools for Java)",
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
        };
    }
}
