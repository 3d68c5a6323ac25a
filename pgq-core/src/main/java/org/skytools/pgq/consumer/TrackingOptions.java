package org.skytools.pgq.consumer;

import picocli.CommandLine.Option;

/** The switches of consumers that track their position themselves: {@code --rewind} and {@code --reset}. */
public final class TrackingOptions {
    @Option(names = "--rewind", description = "Move the queue position to the tracked tick and exit.")
    boolean rewind;

    @Option(names = "--reset", description = "Forget the tracked position and exit.")
    boolean reset;
}
