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

    private RowShape(List<String> names, Map<String, Integer> positions) {
        this.names = names;
        this.positions = positions;
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

    /** The shape of {@code names}, or null when a name appears twice. */
    static RowShape of(List<String> names) {
        Map<String, Integer> positions = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            if (positions.put(names.get(i), i) != null) {
                return null;
            }
        }
        return new RowShape(List.copyOf(names), positions);
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
