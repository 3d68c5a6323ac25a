package org.skytools.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.PGConnection;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** Compares {@link Quoting} with the server's own functions on thousands of random strings. */
@PgTest
@Timeout(120)
class QuotingIT {
    private static final int COUNT = 3000;

    private static List<String> randomStrings(RandomText rt) {
        List<String> list = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            list.add(rt.next());
        }
        return list;
    }

    @Test
    void quoteIdentLiteralAndJsonMatchTheServer(TestDatabase db) throws Exception {
        RandomText rt = new RandomText(RandomText.configuredSeed());
        List<String> inputs = randomStrings(rt);
        String sql = "select s, quote_ident(s), quote_literal(s), to_json(s)::text"
                + " from unnest(?::text[]) with ordinality as u(s, n) order by n";
        int checked = 0;
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            Array arr = c.createArrayOf("text", inputs.toArray());
            ps.setArray(1, arr);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String s = inputs.get(checked);
                    String seedNote = "seed=" + rt.seed() + " input #" + checked + " [" + s + "]";
                    assertThat(rs.getString(1))
                            .as("array round trip, " + seedNote)
                            .isEqualTo(s);
                    assertThat(Quoting.quoteIdent(s))
                            .as("quote_ident, " + seedNote)
                            .isEqualTo(expectedIdent(s, rs.getString(2)));
                    assertThat(Quoting.quoteLiteral(s))
                            .as("quote_literal, " + seedNote)
                            .isEqualTo(rs.getString(3));
                    assertThat(Quoting.quoteJson(s)).as("to_json, " + seedNote).isEqualTo(rs.getString(4));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(COUNT);
    }

    // A keyword that a newer PostgreSQL reserves is quoted even where this server would not.
    private static String expectedIdent(String s, String serverQuoted) {
        return SqlKeywords.needsQuoting(s) && serverQuoted.equals(s) ? "\"" + s + "\"" : serverQuoted;
    }

    @Test
    void quoteLiteralAndIdentReadBackAsTheSameValue(TestDatabase db) throws Exception {
        RandomText rt = new RandomText(RandomText.configuredSeed() + 1);
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (int batch = 0; batch < 10; batch++) {
                List<String> inputs = new ArrayList<>();
                StringBuilder sql = new StringBuilder("select ");
                for (int i = 0; i < 200; i++) {
                    String s = rt.next();
                    inputs.add(s);
                    sql.append(i == 0 ? "" : ", ")
                            .append(Quoting.quoteLiteral(s))
                            .append(" as ")
                            .append(Quoting.quoteIdent("c" + s));
                }
                try (ResultSet rs = st.executeQuery(sql.toString())) {
                    rs.next();
                    for (int i = 0; i < inputs.size(); i++) {
                        String note = "seed=" + rt.seed() + " [" + inputs.get(i) + "]";
                        assertThat(rs.getString(i + 1)).as(note).isEqualTo(inputs.get(i));
                        String label = rs.getMetaData().getColumnLabel(i + 1);
                        // The server truncates identifiers to 63 bytes; compare the part it keeps.
                        assertThat(("c" + inputs.get(i))).as(note).startsWith(label);
                    }
                }
            }
        }
    }

    @Test
    void everyServerKeywordIsQuotedAsTheServerDoes(TestDatabase db) {
        List<Map<String, Object>> words = db.query("select word, quote_ident(word) as q from pg_get_keywords()");
        assertThat(words).hasSizeGreaterThan(400);
        for (Map<String, Object> w : words) {
            String word = (String) w.get("word");
            String q = (String) w.get("q");
            if (q.startsWith("\"")) {
                assertThat(Quoting.quoteIdent(word)).as(word).isEqualTo(q);
            } else {
                // Bare on this server; we may still quote a word that a newer server reserves.
                assertThat(Quoting.quoteIdent(word)).as(word).isIn(q, "\"" + word + "\"");
                if (!SqlKeywords.needsQuoting(word)) {
                    assertThat(Quoting.quoteIdent(word)).as(word).isEqualTo(q);
                }
            }
        }
    }

    @Test
    void copyTextMatchesCopyToAndCopyFrom(TestDatabase db) throws Exception {
        RandomText rt = new RandomText(RandomText.configuredSeed() + 2);
        List<String> inputs = randomStrings(rt);
        for (int i = 0; i < inputs.size(); i += 97) {
            inputs.set(i, null);
        }
        db.execute("create table copy_in (n int primary key, s text)");
        db.execute("create table copy_out (n int primary key, s text)");
        try (Connection c = db.connect()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder data = new StringBuilder();
            for (int i = 0; i < inputs.size(); i++) {
                data.append(Quoting.copyRow(java.util.Arrays.asList(Integer.toString(i), inputs.get(i))))
                        .append('\n');
            }
            long rows = copy.copyIn(
                    "COPY copy_in (n, s) FROM STDIN",
                    new ByteArrayInputStream(data.toString().getBytes(StandardCharsets.UTF_8)));
            assertThat(rows).isEqualTo(inputs.size());
            try (PreparedStatement ps = c.prepareStatement("select n, s from copy_in order by n");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int n = rs.getInt(1);
                    assertThat(rs.getString(2))
                            .as("COPY FROM of our escaping, seed=" + rt.seed() + " #" + n)
                            .isEqualTo(inputs.get(n));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into copy_out select n, s from unnest(?::text[]) with ordinality as u(s, n)")) {
                ps.setArray(1, c.createArrayOf("text", inputs.toArray()));
                ps.executeUpdate();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy.copyOut("COPY (select s from copy_out order by n) TO STDOUT", out);
            String[] lines = out.toString(StandardCharsets.UTF_8).split("\n", -1);
            assertThat(lines).hasSize(inputs.size() + 1);
            for (int i = 0; i < inputs.size(); i++) {
                String note = "COPY TO, seed=" + rt.seed() + " #" + i + " [" + inputs.get(i) + "]";
                assertThat(Quoting.copyEscape(inputs.get(i))).as(note).isEqualTo(lines[i]);
                assertThat(Quoting.copyUnescape(lines[i])).as(note).isEqualTo(inputs.get(i));
            }
        }
    }

    @Test
    void urlEncodingRoundTripsRandomRows(TestDatabase db) {
        long seed = RandomText.configuredSeed() + 3;
        RandomText rt = new RandomText(seed);
        Random r = new Random(seed);
        for (int n = 0; n < 2000; n++) {
            Map<String, String> row = new LinkedHashMap<>();
            int cols = r.nextInt(6);
            for (int i = 0; i < cols; i++) {
                row.put(rt.next() + i, r.nextInt(5) == 0 ? null : rt.next());
            }
            String encoded = Quoting.urlEncode(row);
            assertThat(encoded).as("seed=" + seed + " row " + row).matches("[0-9A-Za-z_.%+&=-]*");
            assertThat(Quoting.urlDecode(encoded))
                    .as("seed=" + seed + " row " + row)
                    .isEqualTo(row);
        }
        // The same byte rule written in SQL, as pgq's trigger applies it, agrees on random values.
        List<String> values = randomStrings(rt);
        String sql = "select (select coalesce(string_agg(case"
                + "   when b between 48 and 57 or b between 65 and 90 or b between 97 and 122 or b in (45, 46, 95)"
                + "     then chr(b) when b = 32 then '+' else '%' || lpad(to_hex(b), 2, '0') end, '' order by i), '')"
                + "   from (select i, get_byte(convert_to(s, 'UTF8'), i) as b"
                + "     from generate_series(0, octet_length(convert_to(s, 'UTF8')) - 1) i) x)"
                + " from unnest(?::text[]) with ordinality as u(s, n) order by n";
        List<String> expected = new ArrayList<>();
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", values.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    expected.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(expected).hasSize(values.size());
        for (int i = 0; i < values.size(); i++) {
            assertThat(Quoting.urlEncode(Map.of("k", values.get(i))))
                    .as("seed=" + seed + " [" + values.get(i) + "]")
                    .isEqualTo("k=" + expected.get(i));
        }
    }
}
