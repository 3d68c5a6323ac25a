package org.skytools.dispatch;

import org.skytools.common.cli.ScriptCommandLine;

/** Entry point of {@code simple_local_consumer3}. */
public final class SimpleLocalConsumerMain {
    private SimpleLocalConsumerMain() {}

    public static void main(String[] args) {
        System.exit(ScriptCommandLine.execute(new SimpleLocalConsumerCommand(), args));
    }
}
