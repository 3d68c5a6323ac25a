package org.skytools.dispatch;

import org.skytools.common.cli.ScriptCommandLine;

/** Entry point of {@code simple_consumer3}. */
public final class SimpleConsumerMain {
    private SimpleConsumerMain() {}

    public static void main(String[] args) {
        System.exit(ScriptCommandLine.execute(new SimpleConsumerCommand(), args));
    }
}
