package org.skytools.walmgr.pg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgConfTextTest {
    private static final String INITDB_LIKE =
            """
            # - Settings -

            #wal_level = replica\t\t\t# minimal, replica, or logical
            max_connections = 100\t\t\t# (change requires restart)

            # - Archiving -

            #archive_mode = off\t\t# enables archiving; off, on, or always
            #archive_command = ''\t\t# command to use to archive a logfile segment
            """;

    @Test
    void w1_commentedSettingGetsTheNewLineRightAfterIt() {
        PgConfText conf = new PgConfText(INITDB_LIKE);
        conf.set("archive_mode", "on");
        assertThat(conf.text())
                .contains(
                        "#archive_mode = off\t\t# enables archiving; off, on, or always\narchive_mode = 'on'\n#archive_command");
    }

    @Test
    void w1_activeSettingIsReplacedInPlace() {
        PgConfText conf = new PgConfText("a = 1\narchive_command = 'cp %p /x/%f'   # old\nb = 2\n");
        conf.set("archive_command", "/usr/bin/walmgr /etc/m.ini xarchive %p %f");
        assertThat(conf.text())
                .isEqualTo("a = 1\narchive_command = '/usr/bin/walmgr /etc/m.ini xarchive %p %f'\nb = 2\n");
    }

    @Test
    void w1_missingSettingIsAppended() {
        PgConfText conf = new PgConfText("max_connections = 100\n");
        conf.set("archive_command", "x");
        assertThat(conf.text()).isEqualTo("max_connections = 100\narchive_command = 'x'\n");
        PgConfText noNewline = new PgConfText("a = 1");
        noNewline.set("b", "2");
        assertThat(noNewline.text()).isEqualTo("a = 1\nb = '2'\n");
    }

    @Test
    void w1_blankLinesAroundAnEditedSettingSurvive() {
        PgConfText conf = new PgConfText("a = 1\n\n\n  archive_mode = off\n\n\nb = 2\n");
        conf.set("archive_mode", "on");
        assertThat(conf.text()).isEqualTo("a = 1\n\n\narchive_mode = 'on'\n\n\nb = 2\n");
    }

    @Test
    void onlyTheExactParameterMatches() {
        PgConfText conf = new PgConfText("archive_mode_extra = 1\n#archive_modes = 2\n");
        assertThat(conf.mentions("archive_mode")).isFalse();
        conf.set("archive_mode", "on");
        assertThat(conf.text())
                .endsWith("archive_mode = 'on'\n")
                .startsWith("archive_mode_extra = 1\n#archive_modes = 2\n");
    }

    @Test
    void quotesInValuesAreDoubled() {
        PgConfText conf = new PgConfText("");
        conf.set("archive_command", "test ! -f '/a b/%f'");
        assertThat(conf.text()).isEqualTo("archive_command = 'test ! -f ''/a b/%f'''\n");
        assertThat(conf.active("archive_command")).hasValue("test ! -f '/a b/%f'");
    }

    @Test
    void readsActiveValuesQuotedOrNotAndIgnoresComments() {
        PgConfText conf =
                new PgConfText(INITDB_LIKE + "WAL_LEVEL = 'logical'   # set by hand\nsynchronous_standby_names = ''\n");
        assertThat(conf.active("wal_level")).hasValue("logical");
        assertThat(conf.active("archive_mode")).isEmpty();
        assertThat(conf.mentions("archive_mode")).isTrue();
        assertThat(conf.active("synchronous_standby_names")).hasValue("");
        assertThat(conf.active("max_connections")).hasValue("100");
    }
}
