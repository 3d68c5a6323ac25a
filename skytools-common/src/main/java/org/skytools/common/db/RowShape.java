package org.skytools.common.db;

import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The distinct column names of a {@link RowImage}, in order, with their positions. */
final class RowShape {
    private final List<String> names;
    private final Map<String, Integer> positions;
    private final Set<String> nameSet;

    /** A shape of {@code names}, which must be distinct. */
    RowShape(List<String> names) {
        this.names = List.copyOf(names);
        this.positions = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            if (positions.put(names.get(i), i) != null) {
                throw new IllegalArgumentException("column \"" + names.get(i) + "\" appears twice");
            }
        }
        this.nameSet = new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return RowShape.this.names.iterator();
            }

            @Override
            public int size() {
                return RowShape.this.names.size();
            }

            @Override
            public boolean contains(Object o) {
                return positions.containsKey(o);
            }
        };
    }

    List<String> names() {
        return names;
    }

    Set<String> nameSet() {
        return nameSet;
    }

    int position(Object name) {
        Integer i = positions.get(name);
        return i == null ? -1 : i;
    }
}
