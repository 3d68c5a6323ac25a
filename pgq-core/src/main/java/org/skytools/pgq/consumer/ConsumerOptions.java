package org.skytools.pgq.consumer;

import picocli.CommandLine.Option;

/** The switches of every PgQ consumer tool: {@code --register} and {@code --unregister}. */
public final class ConsumerOptions {
    @Option(names = "--register", description = "Register the consumer on the queue and exit.")
    boolean register;

    @Option(names = "--unregister", description = "Unregister the consumer from the queue and exit.")
    boolean unregister;
}
