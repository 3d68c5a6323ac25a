package org.skytools.testkit;

import java.sql.Connection;

/**
 * Prepares a template database once per cluster; every test database is then cloned from it,
 * which costs milliseconds where installing schemas per test would cost seconds. Implementations
 * need a public no-argument constructor.
 */
public interface DatabaseTemplate {
    /** Fills the template database, for example installs PgQ. */
    void populate(Connection connection) throws Exception;

    /** The default: test databases are plain copies of {@code template1}. */
    final class None implements DatabaseTemplate {
        @Override
        public void populate(Connection connection) {}
    }
}
