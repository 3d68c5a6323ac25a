package org.skytools.londiste.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.config.SkyConfig;
import org.skytools.londiste.table.RegisterFilter;

class RegisterFilterConfigTest {
    private static RegisterFilter filter(Path dir, String keys) throws IOException {
        Path ini = dir.resolve("node.ini");
        Files.writeString(ini, "[londiste]\ndb = dbname=x\nqueue_name = q\n" + keys);
        return LondisteKeys.registerFilter(SkyConfig.load(ini, LondisteKeys.DEFINITION.sectionNames(), Map.of()));
    }

    @Test
    void theFourListsOfTheConfigDecideWhatTheNodeRegisters(@TempDir Path dir) throws IOException {
        RegisterFilter f = filter(
                dir,
                "register_only_tables = public.table1, table2, public.table3\n"
                        + "register_skip_tables = public.table2, public.table4\n"
                        + "register_skip_seqs = s1\n");
        assertThat(List.of("public.table1", "public.table2", "public.table3", "public.table4", "public.table5"))
                .filteredOn(f::registersTable)
                .containsExactly("public.table1", "public.table3");
        assertThat(f.registersSeq("public.s1")).isFalse();
        assertThat(f.registersSeq("public.s2")).isTrue();
    }

    @Test
    void withoutTheKeysEverythingIsRegistered(@TempDir Path dir) throws IOException {
        RegisterFilter f = filter(dir, "");
        assertThat(f).isEqualTo(RegisterFilter.ALL);
        assertThat(f.registersTable("any.table")).isTrue();
    }
}
