package org.skytools.londiste.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skytools.common.error.SkyToolsException;

class ExecAttributesTest {

    @Test
    void l36_metaCommentsWithContinuationLinesStopAtFirstStatement() {
        String sql =
                """

                 --\s
                --*-- Local-Table: foo ,\s
                --
                --*-- bar ,\s
                --*--
                --*-- zoo\s
                --*--\s
                --*-- Local-Sequence: goo \s
                -- plain comment
                create table x (id int);
                --*-- Need-Table: ignored.after_statement
                """;
        ExecAttributes attrs = ExecAttributes.fromSql(sql);
        assertEquals(List.of("foo", "bar", "zoo"), attrs.get(ExecMatcher.LOCAL_TABLE));
        assertEquals(List.of("goo"), attrs.get(ExecMatcher.LOCAL_SEQUENCE));
        assertTrue(attrs.get(ExecMatcher.NEED_TABLE).isEmpty());
    }

    @Test
    void l36_urlencodedFormRoundTrips() {
        ExecAttributes attrs = new ExecAttributes();
        attrs.add("Local-Table", "mytable");
        attrs.add("Local-Sequence", "seq1");
        attrs.add("local-sequence", "seq2");
        assertEquals("local-table=mytable&local-sequence=seq1%2cseq2", attrs.toUrlenc());
        ExecAttributes back = ExecAttributes.fromUrlenc(attrs.toUrlenc());
        assertEquals(List.of("seq1", "seq2"), back.get(ExecMatcher.LOCAL_SEQUENCE));
        assertTrue(ExecAttributes.fromUrlenc("").isEmpty());
    }

    @Test
    void l36_tagsAreReplacedByQuotedLocalNames() {
        ExecAttributes attrs = ExecAttributes.fromSql("--*-- Local-Table: foo, bar, zoo\nselect 1;");
        Map<String, String> tables =
                Map.of("public.foo", "public.foo", "public.bar", "other.Bar", "public.zoo", "Other.Foo");
        String sql = "alter table @foo@;\nalter table @bar@;\nalter table @zoo@;";
        assertEquals(
                "alter table public.foo;\nalter table other.\"Bar\";\nalter table \"Other\".\"Foo\";",
                attrs.processSql(sql, tables, Map.of()));
    }

    @Test
    void unknownAttributeIsAUsageErrorNamingIt() {
        SkyToolsException e =
                assertThrows(SkyToolsException.class, () -> ExecAttributes.fromSql("--*-- Local-Thing: x\n"));
        assertTrue(e.getMessage().contains("Local-Thing"), e.getMessage());
    }

    @Test
    void l34_localTableAttributesDecideExecution() throws Exception {
        ExecAttributes a = ExecAttributes.fromUrlenc("local-table=foo%2cbar");
        assertTrue(a.needExecute(null, Map.of("public.foo", "public.foo", "public.bar", "public.bar"), Map.of()));
        assertEquals(false, a.needExecute(null, Map.of(), Map.of()));
        SkyToolsException e = assertThrows(
                SkyToolsException.class, () -> a.needExecute(null, Map.of("public.foo", "public.foo"), Map.of()));
        assertTrue(e.getMessage().contains("SQL only partially matches local setup"), e.getMessage());
        assertTrue(ExecAttributes.fromUrlenc(null).needExecute(null, Map.of(), Map.of()));
    }
}
