package org.skytools.londiste.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The key reference of londiste in docs/ is generated from the descriptors; this test fails when
 * they drift apart. Run with {@code -Dskytools.docs.write=true} to rewrite the page.
 */
class LondisteKeysReferenceTest {
    private static final Path PAGE = Path.of("..", "docs", "reference", "londiste-keys.md");
    private static final String HEADER = "# londiste configuration keys\n\n"
            + "The `[londiste3]` section of a londiste config (`[londiste]` is read too); the generic keys\n"
            + "(`job_name`, `logfile`, `pidfile`, `loop_delay`, ...) are in [generic-keys.md](generic-keys.md).\n"
            + "`job_name` is also the name of the node's worker.\n\n"
            + "This page is generated from `org.skytools.londiste.config.LondisteKeys`.\n\n";

    @Test
    void docsPageMatchesTheDescriptors() throws IOException {
        String expected = HEADER
                + LondisteKeys.WORKER_SCHEMA
                        .plus(LondisteKeys.SCHEMA)
                        .renderMarkdown()
                        .stripTrailing()
                + "\n";
        if (Boolean.getBoolean("skytools.docs.write")) {
            Files.writeString(PAGE, expected);
        }
        assumeTrue(Files.isDirectory(PAGE.getParent()), "docs module not next to this one");
        assertThat(Files.readString(PAGE)).isEqualTo(expected);
    }
}
