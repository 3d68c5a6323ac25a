/**
 * The initial copy of a table beside the replay. {@link org.skytools.londiste.copy.CopyCoordinator}
 * runs inside each replay batch and decides which events apply; {@link
 * org.skytools.londiste.copy.TableCopier} copies {@code in-copy} tables in their own transaction,
 * records the copy snapshot and leaves them {@code catching-up}. The states stored are those of
 * SkyTools 3, so a node can move between the two implementations.
 */
package org.skytools.londiste.copy;
