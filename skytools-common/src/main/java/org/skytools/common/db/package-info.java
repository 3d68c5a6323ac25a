/**
 * Database helpers every tool uses: libpq connect strings resolved for pgjdbc ({@link
 * org.skytools.common.db.ConnectString}, {@link org.skytools.common.db.DbConnector}), the one
 * quoting helper ({@link org.skytools.common.db.Quoting}), COPY streaming between connections
 * ({@link org.skytools.common.db.CopyStreamer}) and table structure with its DDL ({@link
 * org.skytools.common.db.TableStructureReader}).
 */
package org.skytools.common.db;
