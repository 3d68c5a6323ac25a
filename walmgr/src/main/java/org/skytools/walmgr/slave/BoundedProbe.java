package org.skytools.walmgr.slave;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * File-existence checks that give up after a bounded time. An archive on an unreachable network
 * file system blocks {@code stat} in the kernel; the caller must keep noticing {@code STOP} or the
 * death of the server instead of hanging with it.
 */
final class BoundedProbe {
    private final long timeoutMillis;

    BoundedProbe(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** True/false, or empty when the file system did not answer in time. */
    Optional<Boolean> isFile(Path file) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        Thread t = new Thread(() -> f.complete(Files.isRegularFile(file)), "probe");
        t.setDaemon(true);
        t.start();
        try {
            return Optional.of(f.get(timeoutMillis, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
