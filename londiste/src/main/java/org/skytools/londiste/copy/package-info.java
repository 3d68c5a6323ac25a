/**
 * The initial copy of a table beside the replay. {@link org.skytools.londiste.copy.CopyCoordinator}
 * runs inside each replay batch and decides which events apply; {@link
 * org.skytools.londiste.copy.TableCopier} copies {@code in-copy} tables in their own transaction
 * and hands them over at a tick ({@code wanna-sync:<tick>}, or {@code ok} when the replay has
 * passed it). The states stored are those of
 * SkyTools 3, so a node can move between the two implementations.
 */
package org.skytools.londiste.copy;
