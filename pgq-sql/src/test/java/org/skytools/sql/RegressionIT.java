package org.skytools.sql;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** Golden psql tests of pgq and its capture triggers, run by {@link GoldenScripts} from {@code regress/sql} and {@code regress/expected}. */
@PgTest(template = PgqTemplate.class)
@Timeout(300)
class RegressionIT {
    @TestFactory
    Stream<DynamicTest> goldenScripts(TestDatabase template) throws Exception {
        return GoldenScripts.suite("regress", template);
    }
}
