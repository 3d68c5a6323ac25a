package org.skytools.londiste.cli;

/** One admin command: runs to completion and returns the exit code. */
@FunctionalInterface
public interface AdminAction {
    int run(AdminContext ctx) throws Exception;
}
