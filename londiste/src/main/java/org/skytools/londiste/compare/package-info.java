/**
 * {@code compare} and {@code repair}: both sides of a table brought to the same logical point
 * (behaviour.md §6), then one checksum query per side, or a key-ordered merge of both sides into
 * fixing SQL.
 */
package org.skytools.londiste.compare;
