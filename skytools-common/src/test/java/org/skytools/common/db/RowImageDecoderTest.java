package org.skytools.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowImageDecoderTest {

    @Test
    void decodesAsUrlDecodeDoesWithTheSameOrder() {
        RowImageDecoder decoder = new RowImageDecoder();
        for (String text : List.of(
                "id=1&txt&val=a+b%26c%3Dd&u=%c3%a4%7e%2a&e=",
                "f=++a+b++&u=\u00e4+\ud83d\ude00&m=\u00e4%20%c3%a4&=v&z=&", "&&a&", "k=a=b", "bad=%zz%4&x=%")) {
            RowImage row = decoder.decode(text);
            Map<String, String> expected = Quoting.urlDecode(text);
            assertThat(row).isEqualTo(expected);
            assertThat(new ArrayList<>(row.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
            assertThat(row.columnNames()).containsExactlyElementsOf(expected.keySet());
            assertThat(row.valueList()).containsExactlyElementsOf(expected.values());
        }
    }

    @Test
    void decodesRandomRowsAsUrlDecodeDoes() {
        RandomText text = new RandomText(RandomText.configuredSeed());
        Random random = new Random(text.seed());
        RowImageDecoder decoder = new RowImageDecoder();
        for (int n = 0; n < 500; n++) {
            Map<String, String> original = new LinkedHashMap<>();
            int columns = random.nextInt(6);
            for (int c = 0; c < columns; c++) {
                String name = random.nextBoolean() ? "c" + random.nextInt(4) : "c" + text.next();
                original.put(name, random.nextInt(5) == 0 ? null : text.next());
            }
            RowImage row = decoder.decode(Quoting.urlEncode(original));
            assertThat(row).as("seed %d", text.seed()).isEqualTo(original);
            assertThat(row.columnNames()).containsExactlyElementsOf(original.keySet());
            assertThat(row.hashCode()).isEqualTo(original.hashCode());
        }
    }

    @Test
    void rowsWithTheSameColumnsShareTheirColumnListAndKeySet() {
        RowImageDecoder decoder = new RowImageDecoder();
        RowImage a = decoder.decode("id=1&name=x");
        RowImage b = decoder.decode("id=2&name");
        RowImage other = decoder.decode("name=x&id=1");
        assertThat(b.columnNames()).isSameAs(a.columnNames());
        assertThat(b.keySet()).isSameAs(a.keySet());
        assertThat(other.columnNames()).isNotSameAs(a.columnNames()).containsExactly("name", "id");
        assertThat(b.get("name")).isNull();
        assertThat(b.containsKey("name")).isTrue();
        assertThat(b.containsKey("missing")).isFalse();
        assertThat(b.get("missing")).isNull();
    }

    @Test
    void aRepeatedColumnKeepsItsFirstPlaceAndLastValue() {
        RowImage row = new RowImageDecoder().decode("b=1&a=2&b=3");
        assertThat(row.columnNames()).containsExactly("b", "a");
        assertThat(row.valueList()).containsExactly("3", "2");
    }

    @Test
    void emptyTextIsAnEmptyRow() {
        RowImageDecoder decoder = new RowImageDecoder();
        assertThat(decoder.decode(null)).isEmpty();
        assertThat(decoder.decode("")).isEmpty();
    }

    @Test
    void rowsCannotBeChanged() {
        RowImage row = new RowImageDecoder().decode("id=1&name=x");
        assertThatThrownBy(() -> row.put("id", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> row.valueList().set(0, "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> row.keySet().remove("id")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> row.entrySet().iterator().next().setValue("2"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> row.columnNames().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(row).containsEntry("id", "1");
    }
}
