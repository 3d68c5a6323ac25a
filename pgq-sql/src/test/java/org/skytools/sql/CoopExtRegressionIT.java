package org.skytools.sql;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** Golden psql tests of pgq_coop and pgq_ext, run by {@link GoldenScripts} from {@code regress-coop-ext/sql} and {@code regress-coop-ext/expected}. */
@PgTest(template = CoopExtTemplate.class)
@Timeout(300)
class CoopExtRegressionIT {
    @TestFactory
    Stream<DynamicTest> goldenScripts(TestDatabase template) throws Exception {
        return GoldenScripts.suite("regress-coop-ext", template);
    }
}
