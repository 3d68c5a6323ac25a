package org.skytools.londiste.copy;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a connection to another node of the cascade from its location (a libpq connect string). */
@FunctionalInterface
public interface LocationOpener {
    /** A new connection in autocommit mode to the database at {@code location}. */
    Connection open(String location) throws SQLException;
}
