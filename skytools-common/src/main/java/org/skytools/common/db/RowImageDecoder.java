package org.skytools.common.db;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Decodes urlencoded rows ({@code db_urldecode}, as {@link Quoting#urlDecode}) into {@link
 * RowImage}s, remembering the column lists it has seen so that rows of the same table share them.
 * Not thread-safe: one per reader.
 */
public final class RowImageDecoder {
    // rows of a replicated table keep their columns; the bound only guards against payloads whose
    // column lists never repeat
    private static final int MAX_SHAPES = 512;

    private final Map<List<String>, RowShape> shapes = new HashMap<>();

    /** The row encoded in {@code text}; an empty row for null or empty text. */
    public RowImage decode(String text) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        UrlCoding.decodeInto(text, (name, value) -> {
            names.add(name);
            values.add(value);
        });
        RowShape shape = shapes.get(names);
        if (shape == null) {
            if (new HashSet<>(names).size() < names.size()) {
                return collapsed(text);
            }
            if (shapes.size() >= MAX_SHAPES) {
                shapes.clear();
            }
            shape = new RowShape(names);
            shapes.put(shape.names(), shape);
        }
        return new RowImage(shape, values.toArray(new String[0]));
    }

    // a repeated column keeps its first position and its last value, as Quoting.urlDecode
    private static RowImage collapsed(String text) {
        Map<String, String> row = UrlCoding.decode(text);
        return new RowImage(
                new RowShape(new ArrayList<>(row.keySet())), row.values().toArray(new String[0]));
    }
}
