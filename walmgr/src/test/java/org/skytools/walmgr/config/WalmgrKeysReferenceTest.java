package org.skytools.walmgr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The key reference of walmgr in docs/ is generated from the descriptors; this test fails when
 * they drift apart. Run with {@code -Dskytools.docs.write=true} to rewrite the page.
 */
class WalmgrKeysReferenceTest {
    private static final Path PAGE = Path.of("..", "docs", "reference", "walmgr-keys.md");
    private static final String HEADER = "# walmgr configuration keys\n\n"
            + "The `[walmgr]` section of a walmgr config; the generic keys (`job_name`, `logfile`,\n"
            + "`pidfile`, `loop_delay`, ...) are in [generic-keys.md](generic-keys.md). A config that\n"
            + "sets `master_data` is a master config, any other is a slave config.\n\n"
            + "This page is generated from `org.skytools.walmgr.config.WalmgrKey`.\n\n";

    @Test
    void docsPageMatchesTheDescriptors() throws IOException {
        String expected = HEADER + WalmgrSchema.KEYS.renderMarkdown().stripTrailing() + "\n";
        if (Boolean.getBoolean("skytools.docs.write")) {
            Files.writeString(PAGE, expected);
        }
        assumeTrue(Files.isDirectory(PAGE.getParent()), "docs module not next to this one");
        assertThat(Files.readString(PAGE)).isEqualTo(expected);
    }
}
