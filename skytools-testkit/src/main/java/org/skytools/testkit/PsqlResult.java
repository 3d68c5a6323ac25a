package org.skytools.testkit;

/** What psql printed and how it exited. */
public record PsqlResult(int exitCode, String stdout, String stderr) {
    /** True when psql exited 0. */
    public boolean ok() {
        return exitCode == 0;
    }
}
