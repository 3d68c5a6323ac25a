package org.skytools.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Typed getters: good values, bad values, defaults. */
class SkyConfigGettersTest {
    @TempDir
    Path dir;

    private SkyConfig load(String body) throws IOException {
        Path file = dir.resolve("job.ini");
        Files.writeString(file, "[tool]\n" + body);
        return SkyConfig.load(file, "tool", Map.of());
    }

    private SkyConfig value(String v) throws IOException {
        return load("k = " + v + "\n");
    }

    @Test
    void missingKeyWithoutDefaultNamesFileSectionAndKey() throws IOException {
        SkyConfig cf = load("");
        assertThatThrownBy(() -> cf.getString("queue_name"))
                .isInstanceOf(ConfigValueException.class)
                .hasMessage(dir.resolve("job.ini") + ": [tool] config value not set: 'queue_name'");
    }

    @Test
    void missingKeyWithDefaultGivesDefault() throws IOException {
        SkyConfig cf = load("");
        assertThat(cf.getString("a", "d")).isEqualTo("d");
        assertThat(cf.getInt("a", 7)).isEqualTo(7);
        assertThat(cf.getLong("a", 8L)).isEqualTo(8L);
        assertThat(cf.getDouble("a", 1.5)).isEqualTo(1.5);
        assertThat(cf.getBoolean("a", true)).isTrue();
        assertThat(cf.getList("a", List.of("x"))).containsExactly("x");
        assertThat(cf.getDict("a", Map.of())).isEmpty();
        assertThat(cf.getBytes("a", 5)).isEqualTo(5);
        assertThat(cf.getDuration("a", Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
        assertThat(cf.getFile("a", null)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"42,42", "-3,-3", "+5,5", "0,0"})
    void getIntAcceptsIntegers(String raw, int expected) throws IOException {
        assertThat(value(raw).getInt("k")).isEqualTo(expected);
        assertThat(value(raw).getLong("k")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "ten", "0x10", "5s", "99999999999"})
    void getIntRefusesNonIntegers(String raw) throws IOException {
        SkyConfig cf = value(raw);
        assertThatThrownBy(() -> cf.getInt("k"))
                .isInstanceOf(ConfigValueException.class)
                .hasMessageEndingWith("[tool] 'k' must be an integer, got \"" + raw + "\"");
    }

    @ParameterizedTest
    @CsvSource({"1.0,1.0", "0.25,0.25", "3,3.0", "-1,-1.0", "1e3,1000.0", ".5,0.5"})
    void getDoubleAcceptsDecimals(String raw, double expected) throws IOException {
        assertThat(value(raw).getDouble("k")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1d", "NaN", "Infinity", "0x1p3", "1,5", "fast"})
    void getDoubleRefusesJavaOnlyForms(String raw) throws IOException {
        SkyConfig cf = value(raw);
        assertThatThrownBy(() -> cf.getDouble("k")).hasMessageContaining("must be a number");
    }

    @ParameterizedTest
    @CsvSource({"1,true", "yes,true", "TRUE,true", "On,true", "0,false", "no,false", "False,false", "OFF,false"})
    void getBooleanUsesPythonTruthWords(String raw, boolean expected) throws IOException {
        assertThat(value(raw).getBoolean("k")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "y", "enabled", "-1"})
    void getBooleanRefusesOtherWords(String raw) throws IOException {
        SkyConfig cf = value(raw);
        assertThatThrownBy(() -> cf.getBoolean("k"))
                .hasMessageContaining("'k' must be a boolean (1, yes, true, on or 0, no, false, off), got \"" + raw);
    }

    @Test
    void getListTrimsAndDropsEmpties() throws IOException {
        assertThat(value(" a , b,,c , ").getList("k")).containsExactly("a", "b", "c");
        assertThat(value("").getList("k")).isEmpty();
    }

    @Test
    void getDictMapsBareKeysToThemselves() throws IOException {
        Map<String, String> dict = value("a:1, b : two words ,c, d:").getDict("k");
        assertThat(dict)
                .containsExactly(
                        Map.entry("a", "1"), Map.entry("b", "two words"), Map.entry("c", "c"), Map.entry("d", ""));
    }

    @Test
    void getFileExpandsTilde() throws IOException {
        SkyConfig cf = load("a = ~/log/x.log\nb = /abs/y\nc =\n");
        assertThat(cf.getFile("a")).isEqualTo(Path.of(System.getProperty("user.home"), "log", "x.log"));
        assertThat(cf.getFile("b")).isEqualTo(Path.of("/abs/y"));
        assertThat(cf.findFile("c")).isEmpty();
        assertThatThrownBy(() -> cf.getFile("c")).hasMessageContaining("config value not set: 'c'");
    }

    @ParameterizedTest
    @CsvSource({"512,512", "10K,10240", "10k,10240", "4 MB,4194304", "1G,1073741824", "3 B,3", "2kb,2048"})
    void getBytesParsesHumanSizes(String raw, long expected) throws IOException {
        assertThat(value(raw).getBytes("k")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5M", "-1K", "10 X", "lots", "99999999Z"})
    void getBytesRefusesOtherText(String raw) throws IOException {
        SkyConfig cf = value(raw);
        assertThatThrownBy(() -> cf.getBytes("k")).hasMessageContaining("'k' must be a size such as 512, 10K");
    }

    @ParameterizedTest
    @CsvSource({"1,1000", "0.25,250", "0,0", "-1,-1000", "1.5,1500"})
    void getDurationTakesSecondsWithFractions(String raw, long millis) throws IOException {
        assertThat(value(raw).getDuration("k")).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void getDurationReportsKeyAndValue() throws IOException {
        SkyConfig cf = load("loop_delay = fast\n");
        assertThatThrownBy(() -> cf.getDuration("loop_delay"))
                .hasMessageEndingWith("[tool] 'loop_delay' must be a number of seconds, got \"fast\"");
    }

    @Test
    void badPasswordValueIsMaskedInTheMessage() throws IOException {
        SkyConfig cf = load("password = hunter2\n");
        assertThatThrownBy(() -> cf.getInt("password"))
                .hasMessageContaining("got \"***\"")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void getWildcardPrefersTheMostSpecificKey() throws IOException {
        SkyConfig cf = load("dst_*_*_db = generic\ndst_a_*_db = for a\ndst_a_b_db = exact\n");
        assertThat(cf.getWildcard("dst_*_*_db", List.of("a", "b"))).isEqualTo("exact");
        assertThat(cf.getWildcard("dst_*_*_db", List.of("a", "c"))).isEqualTo("for a");
        assertThat(cf.getWildcard("dst_*_*_db", List.of("z", "c"))).isEqualTo("generic");
        SkyConfig empty = load("");
        assertThat(empty.getWildcard("x_*", List.of("a"), "def")).isEqualTo("def");
        assertThatThrownBy(() -> empty.getWildcard("x_*", List.of("a"))).hasMessageContaining("'x_*'");
    }

    @Test
    void getMatchingReturnsKeysOfAPattern() throws IOException {
        SkyConfig cf = load("remote_extra_connstr = sslmode=require\nlocal_extra_connstr = x\nother = y\n");
        assertThat(cf.getMatching("*_extra_connstr"))
                .containsExactly(
                        Map.entry("local_extra_connstr", "x"), Map.entry("remote_extra_connstr", "sslmode=require"));
    }

    @Test
    void setOverridesWinOverFileAndDefault() throws IOException {
        Path file = dir.resolve("job.ini");
        Files.writeString(file, "[DEFAULT]\nd = 1\n[tool]\na = 1\n");
        SkyConfig cf = SkyConfig.load(file, "tool", Map.of("a", "2", "d", "3", "new", "4"));
        assertThat(cf.getInt("a")).isEqualTo(2);
        assertThat(cf.getInt("d")).isEqualTo(3);
        assertThat(cf.getInt("new")).isEqualTo(4);
        assertThat(cf.explicitKeys()).contains("a", "d", "new");
    }

    @Test
    void describeMasksPasswords() throws IOException {
        SkyConfig cf = load("db = dbname=x password=secret\napi_password = p\n");
        assertThat(cf.describe())
                .contains("db = dbname=x password=***")
                .contains("api_password = ***")
                .doesNotContain("secret")
                .startsWith("[tool]");
    }
}
