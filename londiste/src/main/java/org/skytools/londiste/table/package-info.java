/**
 * Londiste's table and sequence registrations: add-table, remove-table, resync, tables, missing,
 * add-seq, remove-seq and seqs ({@link org.skytools.londiste.table.TableAdmin}, {@link
 * org.skytools.londiste.table.SeqAdmin}) over the {@code londiste} SQL schema, and the copy state
 * stored in {@code londiste.table_info.merge_state} ({@link org.skytools.londiste.table.MergeState}).
 */
package org.skytools.londiste.table;
