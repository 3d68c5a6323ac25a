package org.skytools.pgqd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The key table of docs/pgqd.md is generated from {@link PgqdKeys}; this test fails when they
 * drift apart. Run with {@code -Dskytools.docs.write=true} to rewrite the table.
 */
class PgqdReferenceTest {
    private static final Path PAGE = Path.of("..", "docs", "pgqd.md");
    private static final String BEGIN = "<!-- keys: generated from org.skytools.pgqd.PgqdKeys by PgqdReferenceTest;"
            + " edit the descriptors, not this table -->\n";
    private static final String END = "<!-- keys: end -->\n";

    @Test
    void docsKeyTableMatchesTheDescriptors() throws IOException {
        assumeTrue(Files.isRegularFile(PAGE), "docs module not next to this one");
        String page = Files.readString(PAGE);
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        assertThat(begin).as("begin marker in " + PAGE).isNotNegative();
        assertThat(end).as("end marker in " + PAGE).isGreaterThan(begin);
        String expected =
                page.substring(0, begin + BEGIN.length()) + PgqdKeys.SCHEMA.renderMarkdown() + page.substring(end);
        if (Boolean.getBoolean("skytools.docs.write")) {
            Files.writeString(PAGE, expected);
            page = expected;
        }
        assertThat(page).isEqualTo(expected);
    }
}
