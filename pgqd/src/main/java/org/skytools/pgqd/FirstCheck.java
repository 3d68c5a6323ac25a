package org.skytools.pgqd;

import org.skytools.common.error.ErrorKind;

/**
 * How a database's first check ended: served (PgQ found, ticking) or not, and why not.
 *
 * @param database the database name
 * @param served whether the worker ticks it
 * @param kind the kind of problem when not served
 * @param problem the problem when not served, one phrase naming the database
 */
record FirstCheck(String database, boolean served, ErrorKind kind, String problem) {

    static FirstCheck served(String database) {
        return new FirstCheck(database, true, null, null);
    }

    static FirstCheck notServed(String database, ErrorKind kind, String problem) {
        return new FirstCheck(database, false, kind, problem);
    }
}
