package org.skytools.common.db;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes {@link RowImage}s, from urlencoded rows ({@code db_urldecode}, as {@link Quoting#urlDecode})
 * or from names and values, remembering the column lists it has seen so that rows of the same table
 * share them.
 * Not thread-safe: one per reader.
 */
public final class RowImageDecoder {
    // rows of a replicated table keep their columns; the bound only guards against payloads whose
    // column lists never repeat
    private static final int MAX_SHAPES = 512;

    // the name tokens of the last few shapes, tried before a full decode: a replayed batch
    // interleaves the rows of a handful of tables
    private static final int TEMPLATES = 8;

    private final Charset charset;
    private final Map<List<String>, RowShape> shapes = new HashMap<>();
    private final Template[] templates = new Template[TEMPLATES];
    private int nextTemplate;

    /** A shape with the name tokens, still encoded, as its rows spell them. */
    private record Template(RowShape shape, String[] nameTokens) {}

    /** A decoder of rows whose escaped bytes are UTF-8 text. */
    public RowImageDecoder() {
        this(StandardCharsets.UTF_8);
    }

    /**
     * A decoder of rows whose escaped bytes are text in {@code charset}, the encoding of the
     * database whose capture trigger made them (see {@link ServerEncoding}).
     */
    public RowImageDecoder(Charset charset) {
        this.charset = charset;
    }

    /** The row encoded in {@code text}; an empty row for null or empty text. */
    public RowImage decode(String text) {
        if (text != null) {
            for (Template t : templates) {
                if (t == null) {
                    break;
                }
                String[] values = UrlCoding.decodeValues(text, charset, t.nameTokens());
                if (values != null) {
                    return new RowImage(t.shape(), values);
                }
            }
        }
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        UrlCoding.decodeInto(text, charset, (name, value) -> {
            names.add(name);
            values.add(value);
        });
        RowShape shape = shape(names);
        if (shape == null) {
            return collapsed(text);
        }
        remember(shape, text);
        return new RowImage(shape, values.toArray(new String[0]));
    }

    // Tokens equal as text decode to equal names, so a row that matches a template's tokens has
    // its shape.  An empty name token would match a skipped empty piece: no template then.
    private void remember(RowShape shape, String text) {
        List<String> tokens = UrlCoding.nameTokens(text);
        if (tokens.isEmpty() || tokens.size() != shape.names().size() || tokens.contains("")) {
            return;
        }
        templates[nextTemplate] = new Template(shape, tokens.toArray(new String[0]));
        nextTemplate = (nextTemplate + 1) % TEMPLATES;
    }

    /**
     * The row of {@code names} (distinct) and {@code values}, in that order, sharing its column list
     * with the rows of the same names before it.
     *
     * @throws IllegalArgumentException when a name appears twice
     */
    public RowImage row(List<String> names, List<String> values) {
        RowShape shape = shape(names);
        if (shape == null) {
            throw new IllegalArgumentException("a column appears twice in " + names);
        }
        return new RowImage(shape, values.toArray(new String[0]));
    }

    private RowShape shape(List<String> names) {
        RowShape shape = shapes.get(names);
        if (shape == null) {
            shape = RowShape.of(names);
            if (shape == null) {
                return null;
            }
            if (shapes.size() >= MAX_SHAPES) {
                shapes.clear();
            }
            shapes.put(shape.names(), shape);
        }
        return shape;
    }

    // a repeated column keeps its first position and its last value, as Quoting.urlDecode
    private RowImage collapsed(String text) {
        Map<String, String> row = UrlCoding.decode(text, charset);
        return new RowImage(
                RowShape.of(new ArrayList<>(row.keySet())), row.values().toArray(new String[0]));
    }
}
