package org.skytools.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/** INI syntax as Python's ConfigParser read it for SkyTools 3. */
class SkyConfigParsingTest {
    @TempDir
    Path dir;

    private SkyConfig load(String text) throws IOException {
        Path file = dir.resolve("job.ini");
        Files.writeString(file, text);
        return SkyConfig.load(file, "tool", Map.of());
    }

    @Test
    void equalsAndColonSeparateKeyFromValue() throws IOException {
        SkyConfig cf = load("[tool]\na = 1\nb: 2\nc=3\nd :4\n");
        assertThat(List.of(cf.getString("a"), cf.getString("b"), cf.getString("c"), cf.getString("d")))
                .containsExactly("1", "2", "3", "4");
    }

    @Test
    void firstSeparatorWinsSoConnectStringsKeepTheirEquals() throws IOException {
        SkyConfig cf = load("[tool]\ndb = dbname=x host=127.0.0.1 port=5432\nurl: postgresql://h:5432/db\n");
        assertThat(cf.getString("db")).isEqualTo("dbname=x host=127.0.0.1 port=5432");
        assertThat(cf.getString("url")).isEqualTo("postgresql://h:5432/db");
    }

    @Test
    void keysAreCaseInsensitiveSectionsAreNot() throws IOException {
        SkyConfig cf = load("[Tool]\nx = upper\n[tool]\nLoop_Delay = 5\n");
        assertThat(cf.getString("LOOP_DELAY")).isEqualTo("5");
        assertThat(cf.getString("loop_delay")).isEqualTo("5");
        assertThat(cf.has("x")).isFalse();
        assertThat(cf.sections()).containsExactly("Tool", "tool");
    }

    @Test
    void commentLinesWithHashOrSemicolonAreSkipped() throws IOException {
        SkyConfig cf = load("# top\n; also\n[tool]\n# a = 1\n  ; indented comment\nb = 2\n");
        assertThat(cf.has("a")).isFalse();
        assertThat(cf.explicitKeys()).containsExactly("b");
    }

    @Test
    void inlineSemicolonCommentNeedsBlankBeforeIt() throws IOException {
        SkyConfig cf = load("[tool]\na = value ; comment\nb = x;y\nc = x;y ; z\nd = v # not a comment\n");
        assertThat(cf.getString("a")).isEqualTo("value");
        assertThat(cf.getString("b")).isEqualTo("x;y");
        // Python 2 only looked at the first ';'
        assertThat(cf.getString("c")).isEqualTo("x;y ; z");
        assertThat(cf.getString("d")).isEqualTo("v # not a comment");
    }

    @Test
    void indentedLinesContinueTheValue() throws IOException {
        SkyConfig cf = load("[tool]\nsql = select 1\n    from t\n\n\twhere x\n    # not part of it\nnext = n\n");
        assertThat(cf.getString("sql")).isEqualTo("select 1\nfrom t\nwhere x");
        assertThat(cf.getString("next")).isEqualTo("n");
    }

    @Test
    void backslashesPassThrough() throws IOException {
        SkyConfig cf = load("[tool]\npath = C:\\temp\\new\nrx = ^a\\d+\\.$\n");
        assertThat(cf.getString("path")).isEqualTo("C:\\temp\\new");
        assertThat(cf.getString("rx")).isEqualTo("^a\\d+\\.$");
    }

    @Test
    void defaultSectionIsVisibleAndOverridden() throws IOException {
        SkyConfig cf = load("[DEFAULT]\nshared = s\nloop_delay = 9\n[tool]\nloop_delay = 1\n");
        assertThat(cf.getString("shared")).isEqualTo("s");
        assertThat(cf.getString("loop_delay")).isEqualTo("1");
        assertThat(cf.sections()).containsExactly("tool");
        assertThat(cf.explicitKeys()).containsExactly("loop_delay");
    }

    @Test
    void repeatedSectionContinuesAndLastValueWins() throws IOException {
        SkyConfig cf = load("[tool]\na = 1\n[other]\nz = 0\n[tool]\na = 2\nb = 3\n");
        assertThat(cf.getString("a")).isEqualTo("2");
        assertThat(cf.getString("b")).isEqualTo("3");
    }

    @Test
    void emptyValuesAndDoubleQuotes() throws IOException {
        SkyConfig cf = load("[tool]\na =\nb = \"\"\nc = 'x'\n");
        assertThat(cf.getString("a")).isEmpty();
        assertThat(cf.getString("b")).isEmpty();
        assertThat(cf.getString("c")).isEqualTo("'x'");
    }

    @Test
    void byteOrderMarkAndCrlfAreTolerated() throws IOException {
        SkyConfig cf = load("\uFEFF[tool]\r\na = 1\r\nb = 2\r\n");
        assertThat(cf.getString("a")).isEqualTo("1");
        assertThat(cf.getString("b")).isEqualTo("2");
    }

    @Test
    void alternateSectionNamesAreAccepted() throws IOException {
        Path file = dir.resolve("l.ini");
        Files.writeString(file, "[londiste]\ndb = x\n");
        SkyConfig cf = SkyConfig.load(file, List.of("londiste3", "londiste"), Map.of());
        assertThat(cf.section()).isEqualTo("londiste");
        assertThat(cf.getString("service_name")).isEqualTo("londiste");
    }

    @Test
    void keyBeforeAnySectionIsAnError() {
        assertThatThrownBy(() -> load("a = 1\n[tool]\n"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("job.ini:1:")
                .hasMessageContaining("\"a\" comes before any [section]");
    }

    @Test
    void lineWithoutSeparatorIsAnErrorWithLineNumber() {
        assertThatThrownBy(() -> load("[tool]\na = 1\njust words\n"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("job.ini:3:")
                .hasMessageContaining("\"just words\"");
    }

    @Test
    void missingMainSectionNamesFileAndSection() {
        assertThatThrownBy(() -> load("[other]\na = 1\n"))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("job.ini: no [tool] section")
                .extracting(e -> ((SkyToolsException) e).kind())
                .isEqualTo(ErrorKind.CONFIG);
    }

    @Test
    void missingFileIsAConfigError() {
        Path missing = dir.resolve("nope.ini");
        assertThatThrownBy(() -> SkyConfig.load(missing, "tool", Map.of()))
                .isInstanceOf(SkyToolsException.class)
                .hasMessage("config file \"" + missing + "\" not found; give the path of an existing file"
                        + " (--ini prints a sample)")
                .extracting(e -> ((SkyToolsException) e).kind())
                .isEqualTo(ErrorKind.CONFIG);
    }

    @Test
    void directoryInsteadOfFileIsAConfigError() {
        assertThatThrownBy(() -> SkyConfig.load(dir, "tool", Map.of()))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void invalidUtf8IsAConfigError() throws IOException {
        Path file = dir.resolve("latin1.ini");
        Files.write(file, new byte[] {'[', 't', 'o', 'o', 'l', ']', '\n', 'a', '=', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> SkyConfig.load(file, "tool", Map.of()))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void reloadRereadsFileAndKeepsOverrides() throws IOException {
        Path file = dir.resolve("r.ini");
        Files.writeString(file, "[tool]\na = 1\nb = 1\n");
        SkyConfig cf = SkyConfig.load(file, "tool", Map.of("B", " forced "));
        assertThat(cf.getString("b")).isEqualTo("forced");
        Files.writeString(file, "[tool]\na = 2\nb = 2\nc = 3\n");
        cf.reload();
        assertThat(cf.getString("a")).isEqualTo("2");
        assertThat(cf.getString("b")).isEqualTo("forced");
        assertThat(cf.getString("c")).isEqualTo("3");
    }

    @Test
    void failedReloadKeepsPreviousContent() throws IOException {
        Path file = dir.resolve("r.ini");
        Files.writeString(file, "[tool]\na = 1\n");
        SkyConfig cf = SkyConfig.load(file, "tool", Map.of());
        Files.writeString(file, "[other]\na = 2\n");
        assertThatThrownBy(cf::reload).isInstanceOf(SkyToolsException.class);
        assertThat(cf.getString("a")).isEqualTo("1");
    }

    @Test
    void forSectionReadsAnotherSectionOfTheSameFile() throws IOException {
        SkyConfig cf = load("[DEFAULT]\nd = 0\n[tool]\na = 1\n[other]\na = 2\n");
        SkyConfig other = cf.forSection("other");
        assertThat(other.getString("a")).isEqualTo("2");
        assertThat(other.getString("d")).isEqualTo("0");
        assertThat(other.getString("service_name")).isEqualTo("other");
    }
}
