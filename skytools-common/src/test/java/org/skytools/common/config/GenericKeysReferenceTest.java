package org.skytools.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The reference page of the generic keys in docs/ is generated from the descriptors; this test
 * fails when they drift apart. Run with {@code -Dskytools.docs.write=true} to rewrite the page.
 */
class GenericKeysReferenceTest {
    private static final Path PAGE = Path.of("..", "docs", "reference", "generic-keys.md");
    private static final String HEADER = "# Generic configuration keys\n\n"
            + "Every SkyTools tool reads these keys from its main section (`[londiste3]`, `[pgqd]`,\n"
            + "`[walmgr]`, ...). Built-in values usable in `%(name)s` references: `job_name` (config file\n"
            + "base name), `service_name`, `host_name`, `config_dir`, `config_file`.\n\n"
            + "This page is generated from `org.skytools.common.config.GenericKeys`.\n\n";

    @Test
    void docsPageMatchesTheDescriptors() throws IOException {
        String expected = HEADER + GenericKeys.SCHEMA.renderMarkdown().stripTrailing() + "\n";
        if (Boolean.getBoolean("skytools.docs.write")) {
            Files.writeString(PAGE, expected);
        }
        assumeTrue(Files.isDirectory(PAGE.getParent()), "docs module not next to this one");
        assertThat(Files.readString(PAGE)).isEqualTo(expected);
    }
}
