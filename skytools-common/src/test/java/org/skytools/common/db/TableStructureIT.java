package org.skytools.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.common.db.DdlStatement.Kind;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** Reads a varied table, replays its DDL into another database and reads it back equal. */
@PgTest
@Timeout(60)
class TableStructureIT {
    private static final FqName ITEMS = new FqName("Sales", "Order Items");
    private static final FqName REF = new FqName("Sales", "ref");
    private static final FqName SEQ = new FqName("Sales", "order_no_seq");

    private final TableStructureReader reader = new TableStructureReader();
    private PgCluster cluster;
    private String targetDb;

    @BeforeEach
    void setUp(TestDatabase db) throws Exception {
        cluster = db.cluster();
        targetDb = db.name() + "_copy";
        cluster.createDatabase(targetDb, null);
        try (InputStream in = getClass().getResourceAsStream("/tablestructure/varied.sql");
                Connection c = db.connect()) {
            exec(c, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterEach
    void dropTarget() {
        cluster.dropDatabase(targetDb);
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void replay(Connection c, List<DdlStatement> ddl) throws SQLException {
        for (DdlStatement s : ddl) {
            exec(c, s.sql());
        }
    }

    @Test
    void readsWhatTheCatalogHolds(TestDatabase db) throws Exception {
        TableStructure t;
        try (Connection c = db.connect()) {
            t = reader.read(c, ITEMS);
        }
        assertThat(t.owner()).isEqualTo("st_owner");
        assertThat(t.comment()).isEqualTo("order's items");
        assertThat(t.columns())
                .extracting(TableStructure.Column::name)
                .containsExactly(
                        "id",
                        "order_no",
                        "select",
                        "qty",
                        "price",
                        "total",
                        "code",
                        "tags",
                        "during",
                        "created",
                        "Mixed");
        TableStructure.Column id = t.columns().get(0);
        assertThat(id.identity()).isEqualTo(TableStructure.Identity.BY_DEFAULT);
        assertThat(id.notNull()).isTrue();
        TableStructure.Column select = t.columns().get(2);
        assertThat(select.collation()).isEqualTo("pg_catalog.\"C\"");
        assertThat(select.defaultExpr()).isEqualTo("'x''y'::text");
        assertThat(select.comment()).isEqualTo("back\\slash");
        assertThat(t.columns().get(5).generatedExpr()).isEqualTo("(qty * price)");
        assertThat(t.columns().get(5).defaultExpr()).isNull();
        assertThat(t.columns().get(10).type()).isEqualTo("character varying(20)");
        assertThat(t.primaryKey())
                .isEqualTo(new TableStructure.Constraint("Order Items_pkey", 'p', "PRIMARY KEY (id)"));
        assertThat(t.constraints())
                .extracting(TableStructure.Constraint::type)
                .containsExactly('x', 'u', 'c', 'c', 'f');
        assertThat(t.indexes()).extracting(TableStructure.Index::name).containsExactly("OI lower", "oi_created");
        assertThat(t.triggers()).extracting(TableStructure.Trigger::enabled).containsExactly('R', 'O', 'D');
        assertThat(t.rules()).extracting(TableStructure.Rule::name).containsExactly("keep_zero");
        assertThat(t.grants())
                .contains(
                        new TableStructure.Grant("PUBLIC", "SELECT", false),
                        new TableStructure.Grant("St Writer", "UPDATE", true),
                        new TableStructure.Grant("st_reader", "INSERT", false));
        assertThat(t.ownedSequences())
                .containsExactly(new TableStructure.OwnedSequence("id", new FqName("Sales", "Order Items_id_seq")));
    }

    @Test
    void fullDdlReplaysIntoAnotherDatabaseAsAnEqualStructure(TestDatabase db) throws Exception {
        try (Connection src = db.connect();
                Connection dst = cluster.connect(targetDb)) {
            TableStructure items = reader.read(src, ITEMS);
            TableStructure ref = reader.read(src, REF);
            SequenceStructure seq = SequenceStructure.read(src, SEQ);
            // Functions are not part of a table's structure; the trigger needs one.
            exec(dst, "create schema \"Sales\"");
            exec(
                    dst,
                    "create function \"Sales\".touch() returns trigger language plpgsql as $$ begin return new; end $$");
            replay(dst, seq.createDdl());
            replay(dst, ref.fullDdl());
            replay(dst, items.fullDdl());

            assertThat(SequenceStructure.read(dst, SEQ)).isEqualTo(seq);
            assertThat(reader.read(dst, REF)).isEqualTo(ref);
            assertThat(reader.read(dst, ITEMS)).isEqualTo(items);
        }
    }

    @Test
    void minimalDdlMakesPlainColumnsAndThePrimaryKey(TestDatabase db) throws Exception {
        try (Connection src = db.connect();
                Connection dst = cluster.connect(targetDb)) {
            TableStructure items = reader.read(src, ITEMS);
            List<DdlStatement> ddl = items.minimalDdl();
            assertThat(ddl).extracting(DdlStatement::kind).containsExactly(Kind.SCHEMA, Kind.TABLE, Kind.PRIMARY_KEY);
            replay(dst, ddl);
            TableStructure copy = reader.read(dst, ITEMS);
            assertThat(copy.primaryKey()).isEqualTo(items.primaryKey());
            assertThat(copy.columns())
                    .extracting(
                            TableStructure.Column::name,
                            TableStructure.Column::type,
                            TableStructure.Column::notNull,
                            TableStructure.Column::collation)
                    .isEqualTo(items.columns().stream()
                            .map(c ->
                                    org.assertj.core.groups.Tuple.tuple(c.name(), c.type(), c.notNull(), c.collation()))
                            .toList());
            assertThat(copy.columns()).allSatisfy(c -> {
                assertThat(c.defaultExpr()).isNull();
                assertThat(c.generatedExpr()).isNull();
                assertThat(c.identity()).isEqualTo(TableStructure.Identity.NONE);
            });
            assertThat(copy.constraints()).isEmpty();
            assertThat(copy.indexes()).isEmpty();
            assertThat(copy.triggers()).isEmpty();
            assertThat(copy.ownedSequences()).isEmpty();
        }
    }

    @Test
    void missingTableOrSequenceIsAStateError(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> reader.read(c, FqName.parse("nope")))
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessage("table \"public.nope\" does not exist")
                    .satisfies(e -> assertThat(((SkyToolsException) e).kind()).isEqualTo(ErrorKind.STATE));
            assertThatThrownBy(() -> SequenceStructure.read(c, FqName.parse("Sales.nope")))
                    .hasMessage("sequence \"Sales.nope\" does not exist");
        }
    }
}
