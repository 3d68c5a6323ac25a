package org.skytools.sql;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** Golden psql tests of pgq_node and londiste, run by {@link GoldenScripts} from {@code regress-node/sql} and {@code regress-node/expected}. */
@PgTest(template = NodeTemplate.class)
@Timeout(600)
class NodeRegressionIT {
    @TestFactory
    Stream<DynamicTest> goldenScripts(TestDatabase template) throws Exception {
        return GoldenScripts.suite("regress-node", template);
    }
}
