package org.skytools.common.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code -V} of every tool: {@code <tool>, SkyTools for Java <version>} (the SkyTools 3 form
 * {@code londiste3, Skytools version 3.2}) and the Java runtime. The version comes from the
 * build-filtered {@code version.properties} of skytools-common.
 */
public final class VersionProvider implements IVersionProvider {
    static final String RESOURCE = "/org/skytools/common/version.properties";

    @Spec
    private CommandSpec spec;

    @Override
    public String[] getVersion() {
        String tool = spec == null ? "skytools" : spec.root().name();
        return new String[] {
            tool + ", SkyTools for Java " + productVersion(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
        };
    }

    /** The product version, or {@code unknown} when run from unfiltered classes. */
    public static String productVersion() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String version = properties.getProperty("version", "unknown");
        return version.startsWith("${") ? "unknown" : version;
    }
}
