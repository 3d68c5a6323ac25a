package org.skytools.pgq.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.skytools.testkit.TestDatabase;

/**
 * A thread calling {@code select pgq.ticker()} every 50 ms, standing in for pgqd in end-to-end
 * tests. Combine with {@link TestQueues#createFastQueue} so that every call can tick.
 */
public final class BackgroundTicker implements AutoCloseable {
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong calls = new AtomicLong();
    private final Object lock = new Object();

    public BackgroundTicker(TestDatabase db) {
        thread = new Thread(() -> loop(db), "test-ticker-" + db.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** How many ticker calls ran so far. */
    public long calls() {
        return calls.get();
    }

    private void loop(TestDatabase db) {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            while (running.get()) {
                st.execute("select pgq.ticker()");
                calls.incrementAndGet();
                synchronized (lock) {
                    lock.wait(TimeUnit.MILLISECONDS.toMillis(50));
                }
            }
        } catch (SQLException e) {
            if (running.get()) {
                throw new IllegalStateException("test ticker failed: " + e.getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        synchronized (lock) {
            lock.notifyAll();
        }
        thread.join(5000);
    }
}
