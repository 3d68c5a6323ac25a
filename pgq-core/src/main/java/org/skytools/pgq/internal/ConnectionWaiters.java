package org.skytools.pgq.internal;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.postgresql.core.BaseConnection;

/**
 * Tells whether a thread waits for a pgjdbc connection that a COPY holds. pgjdbc makes a
 * statement wait on a condition of the connection's query executor until the COPY ends; that
 * condition has waiters exactly then. The driver has no public call for it, so its fields are
 * read by reflection; {@link #of} returns null when this driver does not have them.
 */
final class ConnectionWaiters {
    private static final Field LOCK = field("lock");
    private static final Field CONDITION = field("lockCondition");

    private final ReentrantLock lock;
    private final Condition condition;

    private ConnectionWaiters(ReentrantLock lock, Condition condition) {
        this.lock = lock;
        this.condition = condition;
    }

    /** The watcher of {@code db}, or null when the driver's internals are not as expected. */
    static ConnectionWaiters of(Connection db) throws SQLException {
        if (LOCK == null || CONDITION == null || !db.isWrapperFor(BaseConnection.class)) {
            return null;
        }
        Object executor = db.unwrap(BaseConnection.class).getQueryExecutor();
        try {
            if (LOCK.get(executor) instanceof ReentrantLock l && CONDITION.get(executor) instanceof Condition c) {
                return new ConnectionWaiters(l, c);
            }
        } catch (IllegalAccessException | IllegalArgumentException e) {
            // an executor of another class: the stream cannot watch it
        }
        return null;
    }

    /** Whether some thread waits for the connection right now. */
    boolean any() {
        lock.lock();
        try {
            return lock.hasWaiters(condition);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Wakes every thread that waits for the connection. pgjdbc wakes only one when a COPY ends, and
     * nothing wakes the others later.
     */
    void wakeAll() {
        lock.lock();
        try {
            condition.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static Field field(String name) {
        try {
            Field f = Class.forName("org.postgresql.core.QueryExecutorBase").getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
