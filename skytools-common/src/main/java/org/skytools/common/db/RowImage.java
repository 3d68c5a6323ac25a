package org.skytools.common.db;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable row: column name to text value (null for SQL NULL), in column order. Rows that
 * {@link RowImageDecoder} decodes with the same columns share one {@link #columnNames()} list and
 * one {@link #keySet()}, so code that handles many rows can tell by identity that it has already
 * looked at a row's columns.
 */
public final class RowImage extends AbstractMap<String, String> {
    private final RowShape shape;
    private final String[] values;

    RowImage(RowShape shape, String[] values) {
        this.shape = shape;
        this.values = values;
    }

    /** The column names in order; the same instance for every row of the same shape. */
    public List<String> columnNames() {
        return shape.names();
    }

    /** The values in column order, as an unmodifiable view. */
    public List<String> valueList() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return shape.position(key) >= 0;
    }

    @Override
    public String get(Object key) {
        int i = shape.position(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public Set<String> keySet() {
        return shape.nameSet();
    }

    @Override
    public Collection<String> values() {
        return valueList();
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(
                                shape.names().get(i), values[i]);
                    }
                };
            }
        };
    }
}
