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
    void rowsAfterTheFirstOfTheirColumnsDecodeAsUrlDecodeDoes() {
        // each text follows one whose name tokens it shares in part or whole, so that the decoder
        // tries the earlier rows' names first
        List<String> texts = List.of(
                "id=1&name=a+b&v=%25",
                "id=2&name=&v",
                "id=3&name=x",
                "id=4&name=x&v=1&w=2",
                "id=5&name=x&v=1&",
                "id=6&name=x&v=1&&",
                "idx=7&name=x&v=1",
                "i=8&name=x&v=1",
                "%69d=9&name=x&v=1",
                "id=10&name=x&v=1=2",
                "id&name&v",
                "id=11&name=x&v=1&id=12",
                "=1&name=x&v=2",
                "=1&name=x&v=2",
                "id=13&name+x=y&v=3",
                "id=14&name%2bx=y&v=3",
                "id=15&name+x=y&v=3",
                "id=%c3%a4&name=\u00e4&v=3");
        RowImageDecoder decoder = new RowImageDecoder();
        RowImage first = null;
        for (String text : texts) {
            RowImage row = decoder.decode(text);
            Map<String, String> expected = Quoting.urlDecode(text);
            assertThat(new ArrayList<>(row.entrySet())).as(text).isEqualTo(new ArrayList<>(expected.entrySet()));
            if (first == null) {
                first = row;
            } else if (row.columnNames().equals(first.columnNames())
                    && UrlCoding.nameTokens(text).size() == expected.size()) {
                // (a row that repeats a column has a list of its own)
                assertThat(row.columnNames()).as(text).isSameAs(first.columnNames());
            }
        }
    }

    @Test
    void rowsOfManyTablesInTurnDecodeAsUrlDecodeDoes() {
        // more column lists than the decoder keeps name tokens for, in turn and at random
        Random random = new Random(RandomText.configuredSeed());
        RowImageDecoder decoder = new RowImageDecoder();
        for (int n = 0; n < 2000; n++) {
            int table = n < 1000 ? n % 12 : random.nextInt(12);
            Map<String, String> original = new LinkedHashMap<>();
            for (int c = 0; c <= table % 4; c++) {
                original.put("t" + table + "c" + c, random.nextInt(4) == 0 ? null : "v " + random.nextInt(100));
            }
            String text = Quoting.urlEncode(original);
            RowImage row = decoder.decode(text);
            assertThat(new ArrayList<>(row.entrySet())).as(text).isEqualTo(new ArrayList<>(original.entrySet()));
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
