package org.skytools.londiste.copy;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new connection to one database; the caller closes it. */
@FunctionalInterface
public interface ConnectionOpener {
    /** A new connection in autocommit mode. */
    Connection open() throws SQLException;
}
