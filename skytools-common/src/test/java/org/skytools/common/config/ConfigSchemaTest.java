package org.skytools.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/** Validation, unknown-key warnings, --ini sample and Markdown reference from descriptors. */
class ConfigSchemaTest {
    static final ConfigKey<String> DB = ConfigKey.string("db").asRequired().withDescription("database to serve");
    static final ConfigKey<String> QUEUE = ConfigKey.string("queue_name")
            .asRequired()
            .withAliases("pgq_queue_name")
            .withDescription("queue");
    static final ConfigKey<Integer> COPIES = ConfigKey.integer("parallel_copies")
            .withDefault(1)
            .withValidator(Validator.atLeast(1))
            .withDescription("tables copied at once");
    static final ConfigSchema SCHEMA = GenericKeys.SCHEMA.plus(ConfigSchema.of("tool", DB, QUEUE, COPIES));

    @TempDir
    Path dir;

    private SkyConfig load(String body, Map<String, String> overrides) throws IOException {
        Path file = dir.resolve("job.ini");
        Files.writeString(file, "[tool]\n" + body);
        return SkyConfig.load(file, "tool", overrides);
    }

    @Test
    void validConfigPasses() throws IOException {
        SkyConfig cf = load("db = dbname=x\npgq_queue_name = q\nparallel_copies = 3\n", Map.of());
        SCHEMA.validate(cf);
        assertThat(QUEUE.get(cf)).isEqualTo("q");
        assertThat(COPIES.get(cf)).isEqualTo(3);
        assertThat(GenericKeys.LOOP_DELAY.get(cf)).isEqualTo(Duration.ofSeconds(1));
        assertThat(GenericKeys.JOB_NAME.get(cf)).isEqualTo("job");
    }

    @Test
    void singleProblemIsThrownAsIs() throws IOException {
        SkyConfig cf = load("db = x\nqueue_name = q\nparallel_copies = 0\n", Map.of());
        assertThatThrownBy(() -> SCHEMA.validate(cf))
                .isInstanceOf(ConfigValueException.class)
                .hasMessage(dir.resolve("job.ini") + ": [tool] 'parallel_copies' must be at least 1, got \"0\"");
    }

    @Test
    void allProblemsAreReportedTogether() throws IOException {
        SkyConfig cf = load("loop_delay = fast\nlog_count = many\nparallel_copies = 0\n", Map.of());
        assertThatThrownBy(() -> SCHEMA.validate(cf))
                .isInstanceOf(SkyToolsException.class)
                .hasMessage(dir.resolve("job.ini") + ": [tool] has 5 problems:\n"
                        + "  'log_count' must be an integer, got \"many\"\n"
                        + "  'loop_delay' must be a number of seconds, got \"fast\"\n"
                        + "  config value not set: 'db'\n"
                        + "  config value not set: 'queue_name' (nor 'pgq_queue_name')\n"
                        + "  'parallel_copies' must be at least 1, got \"0\"")
                .extracting(e -> ((SkyToolsException) e).kind())
                .isEqualTo(ErrorKind.CONFIG);
    }

    @Test
    void interpolationProblemsAreCollectedToo() throws IOException {
        SkyConfig cf = load("db = x\nqueue_name = q\nlogfile = %(nowhere)s/a.log\npidfile = %(pidfile)s\n", Map.of());
        assertThat(SCHEMA.problems(cf))
                .extracting(ConfigValueException::detail)
                .containsExactly(
                        "'logfile' refers to unknown key 'nowhere' in \"%(nowhere)s/a.log\"",
                        "'pidfile' has an interpolation loop: pidfile -> pidfile");
    }

    @Test
    void unknownKeysGetACloseMatchSuggestion() throws IOException {
        SkyConfig cf = load(
                "db = x\nqueue_name = q\nloop_dealy = 3\nparalel_copies = 2\nfoo = 1\n"
                        + "remote_extra_connstr = a\nlogfmt_file = x\n",
                Map.of("exeption_sleep", "1"));
        assertThat(SCHEMA.unknownKeyWarnings(cf))
                .containsExactly(
                        dir.resolve("job.ini") + ": [tool] unknown key 'loop_dealy'; did you mean 'loop_delay'?",
                        dir.resolve("job.ini")
                                + ": [tool] unknown key 'paralel_copies'; did you mean 'parallel_copies'?",
                        dir.resolve("job.ini") + ": [tool] unknown key 'foo'",
                        dir.resolve("job.ini")
                                + ": [tool] unknown key 'exeption_sleep'; did you mean 'exception_sleep'?");
    }

    @Test
    void laterSchemaReplacesAGenericKey() {
        ConfigSchema pgqd = GenericKeys.SCHEMA.plus(
                ConfigSchema.of("pgqd", GenericKeys.CONNECTION_LIFETIME.withDefault(Duration.ofSeconds(3600))));
        assertThat(pgqd.keys().stream().filter(k -> k.name().equals("connection_lifetime")))
                .singleElement()
                .extracting(ConfigKey::defaultAsText)
                .isEqualTo("3600.0");
    }

    @Test
    void iniSampleHasHeaderDescriptionsDefaultsAndRequiredKeys() {
        String ini = SCHEMA.renderIni("tool", Map.of());
        assertThat(ini).startsWith("[tool]\n\n## SkyTools script ##\n");
        assertThat(ini)
                .contains("# seconds to sleep when there is no work; 0 exits instead of sleeping,\n"
                        + "# a negative value runs the work once\n#loop_delay = 1.0\n");
        assertThat(ini)
                .contains("# where to log, rotated by size; unset logs to the console only\n"
                        + "logfile = ~/log/%(job_name)s.log\n");
        assertThat(ini).contains("#log_size = 10M\n");
        assertThat(ini).contains("# database to serve\n# (required)\ndb =\n");
        assertThat(ini).contains("# queue\n# (required)\n# (also read as pgq_queue_name)\nqueue_name =\n");
        assertThat(ini).contains("(accepted for compatibility, ignored: skylog.ini is not read;");
    }

    @Test
    void iniSampleIsItselfALoadableConfig() throws IOException {
        Path file = dir.resolve("sample.ini");
        Files.writeString(file, SCHEMA.renderIni("tool", Map.of("db", "dbname=x", "queue_name", "q")));
        SkyConfig cf = SkyConfig.load(file, "tool", Map.of());
        SCHEMA.validate(cf);
        assertThat(cf.getString("db")).isEqualTo("dbname=x");
    }

    @Test
    void iniSampleMergesSetOverridesMaskingSecrets() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("loop_delay", "5");
        overrides.put("logfile", "/tmp/x.log");
        overrides.put("db", "dbname=x password=pw");
        overrides.put("extra", "1");
        String ini = SCHEMA.renderIni("tool", overrides);
        assertThat(ini).contains("#loop_delay = 1.0\nloop_delay = 5\n");
        assertThat(ini).contains("#logfile = ~/log/%(job_name)s.log\nlogfile = /tmp/x.log\n");
        assertThat(ini).contains("#db =\ndb = dbname=x password=***\n");
        assertThat(ini).endsWith("## --set ##\nextra = 1\n");
        assertThat(ini).doesNotContain("password=pw");
    }

    @Test
    void markdownReferenceListsEveryKey() {
        String md = SCHEMA.renderMarkdown();
        assertThat(md).contains("### SkyTools script\n\n| key | type | default | description |\n|---|---|---|---|\n");
        assertThat(md).contains("| `loop_delay` | seconds | `1.0` | seconds to sleep when there is no work;");
        assertThat(md).contains("| `queue_name` (also `pgq_queue_name`) | string | required | queue |");
        assertThat(md).contains("| `use_skylog` | integer | `0` |");
        assertThat(md).contains("Accepted but ignored: skylog.ini is not read");
        assertThat(md.lines().filter(l -> l.startsWith("| `")))
                .hasSize(SCHEMA.keys().size());
    }
}
