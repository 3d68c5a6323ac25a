package org.skytools.common.daemon;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Requests from outside the loop (signals, tests) to stop or to reload, and a sleep that ends
 * early when one arrives, as SkyTools' sleep ended on a signal.
 */
public final class LoopControl implements Sleeper {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean stop;
    private boolean reload;

    /** Asks the loop to stop after the current unit of work. */
    public void requestStop() {
        signal(true, false);
    }

    /** Asks the loop to reload the config before the next unit of work. */
    public void requestReload() {
        signal(false, true);
    }

    /** Whether a stop was requested. */
    public boolean stopRequested() {
        lock.lock();
        try {
            return stop;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a reload was requested; clears the request. */
    public boolean takeReloadRequest() {
        lock.lock();
        try {
            boolean requested = reload;
            reload = false;
            return requested;
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps up to {@code duration}, waking early on a stop or reload request or an interrupt. */
    @Override
    public void sleep(Duration duration) {
        lock.lock();
        try {
            long nanos = duration.toNanos();
            while (!stop && !reload && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void signal(boolean stopNow, boolean reloadNow) {
        lock.lock();
        try {
            stop |= stopNow;
            reload |= reloadNow;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
