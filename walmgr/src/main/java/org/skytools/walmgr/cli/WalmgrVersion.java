package org.skytools.walmgr.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code walmgr --version}: the product version from the jar manifest, and the Java version. */
public final class WalmgrVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = WalmgrVersion.class.getPackage().getImplementationVersion();
        return new String[] {
            "walmgr " + (v == null ? "(development build)" : v), "Java " + System.getProperty("java.version")
        };
    }
}
