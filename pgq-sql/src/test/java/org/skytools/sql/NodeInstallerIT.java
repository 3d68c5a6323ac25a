package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** Installing and upgrading pgq_node, pgq_coop, pgq_ext and londiste through {@link SchemaInstaller}. */
@PgTest
@Timeout(180)
class NodeInstallerIT {
    private final SchemaInstaller installer = new SchemaInstaller();

    private static String bundled(SqlSchema schema) {
        return SchemaBundle.load(schema, new IncludeResolver()).version().text();
    }

    @Test
    void installsEverySchemaIntoAnEmptyDatabase(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            for (SqlSchema schema : SqlSchema.values()) {
                installer.apply(c, schema);
            }
        }

        for (SqlSchema schema : SqlSchema.values()) {
            assertThat(db.queryValue("select " + schema.schemaName() + ".version()", String.class))
                    .as(schema.schemaName())
                    .isEqualTo(bundled(schema));
        }
        assertThat(db.queryValue(
                        "select count(*) from pg_roles where rolname in ('londiste_reader', 'londiste_writer')",
                        Long.class))
                .isEqualTo(2L);
        try (Connection c = db.connect()) {
            assertThat(installer.applyWithRequirements(c, SqlSchema.LONDISTE))
                    .extracting(InstallOutcome::action)
                    .containsOnly(InstallOutcome.Action.UNCHANGED);
        }
    }

    @Test
    void installsRequirementsFirst(TestDatabase db) throws Exception {
        List<InstallOutcome> outcomes;
        try (Connection c = db.connect()) {
            outcomes = installer.applyWithRequirements(c, SqlSchema.LONDISTE);
        }

        assertThat(outcomes)
                .extracting(o -> o.schema() + " " + o.action())
                .containsExactly("PGQ INSTALLED", "PGQ_NODE INSTALLED", "LONDISTE INSTALLED");
        assertThat(RetCall.of(db, "pgq_node.register_location('q', 'n', 'dbname=x', false)")
                        .code())
                .isEqualTo(200);
    }

    @Test
    void refusesASchemaWhoseRequirementIsMissing(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            installer.apply(c, SqlSchema.PGQ);
            assertThatThrownBy(() -> installer.apply(c, SqlSchema.LONDISTE))
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessage("schema \"londiste\" needs schema \"pgq_node\"; install \"pgq_node\" first")
                    .extracting(e -> ((SkyToolsException) e).kind())
                    .isEqualTo(ErrorKind.SCHEMA_MISSING);
        }
        assertThat(db.queryValue("select count(*) from pg_namespace where nspname = 'londiste'", Long.class))
                .isZero();
    }

    @Test
    void upgradeFromTheSkyToolsLayoutKeepsDataAndEqualsAFreshInstall(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            installer.applyWithRequirements(c, SqlSchema.LONDISTE);
        }
        String fresh = catalog(db);
        LondisteNodes.root(db, "q");
        db.execute("create table t (id int primary key)");
        RetCall.of(db, "londiste.local_add_table('q', 't')");
        RetCall.of(db, "londiste.execute_start('q', 'a.sql', 'x', true)");
        pretendSkyTools32(db);

        List<InstallOutcome> outcomes;
        try (Connection c = db.connect()) {
            outcomes = installer.applyWithRequirements(c, SqlSchema.LONDISTE);
        }

        assertThat(outcomes)
                .extracting(o -> o.schema() + " " + o.action() + " " + o.before())
                .containsExactly(
                        "PGQ UNCHANGED " + bundled(SqlSchema.PGQ),
                        "PGQ_NODE UPGRADED 3.2.5",
                        "LONDISTE UPGRADED 3.2.4");
        assertThat(db.queryValue("select target_for is null from pgq_node.get_node_info('q')", Boolean.class))
                .isTrue();
        assertThat(db.queryValue("select table_name from londiste.get_table_list('q')", String.class))
                .isEqualTo("public.t");
        assertThat(db.queryValue("select execute_file from londiste.applied_execute", String.class))
                .isEqualTo("a.sql");
        // only the data differs from a fresh install
        assertThat(catalog(db)).isEqualTo(fresh);
    }

    /** Makes the database look like pgq_node 3.2.5 and londiste 3.2.4 of SkyTools 3.2. */
    private static void pretendSkyTools32(TestDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("create or replace function pgq_node.version() returns text"
                    + " as $$ begin return '3.2.5'; end; $$ language plpgsql");
            st.execute("create or replace function londiste.version() returns text"
                    + " as $$ begin return '3.2.4'; end; $$ language plpgsql");
            // get_node_info without target_for, with the old grants
            st.execute("drop function pgq_node.get_node_info(text)");
            st.execute("create function pgq_node.get_node_info(in i_queue_name text, out ret_code int4,"
                    + " out ret_note text, out node_type text) returns record"
                    + " as $$ select 100, 'Ok'::text, 'root'::text $$ language sql");
            st.execute("grant execute on function pgq_node.create_node(text, text, text, text, text, bigint, text)"
                    + " to public");
            // londiste tables of 3.0 and 3.1
            st.execute("alter table londiste.table_info drop constraint table_info_check");
            st.execute("alter table londiste.table_info add constraint table_info_check"
                    + " check (dropped_ddl is null or merge_state = 'in-copy')");
            st.execute("drop trigger table_info_trigger_sync on londiste.table_info");
            st.execute("create trigger table_info_trigger_sync after delete on londiste.table_info"
                    + " for each row execute procedure londiste.table_info_trigger()");
            st.execute("alter table londiste.applied_execute drop constraint applied_execute_pkey");
            st.execute("alter table londiste.applied_execute add constraint applied_execute_pkey"
                    + " primary key (queue_name, execute_file)");
            st.execute("alter table londiste.applied_execute add constraint applied_execute_queue_name_fkey"
                    + " foreign key (queue_name) references pgq_node.node_info");
            st.execute("alter table londiste.applied_execute drop column execute_attrs");
            st.execute("revoke all on londiste.seq_info from londiste_reader");
        }
    }

    /** Functions, columns, constraints, triggers and privileges of pgq_node and londiste. */
    private static String catalog(TestDatabase db) {
        String schemas = "('pgq_node'::regnamespace, 'londiste'::regnamespace)";
        String functions = db.queryValue(
                "select string_agg(line, E'\\n' order by line) from (select p.oid::regprocedure::text"
                        + " || ' returns ' || pg_get_function_result(p.oid) || ' ' || p.prosecdef || ' '"
                        + " || p.provolatile::text || ' ' || coalesce(p.proacl::text, '-') || ' ' || md5(p.prosrc)"
                        + " as line from pg_proc p where p.pronamespace in " + schemas + ") x",
                String.class);
        String columns = db.queryValue(
                "select string_agg(line, E'\\n' order by line) from (select c.relname || '.' || a.attname"
                        + " || ' #' || row_number() over (partition by c.oid order by a.attnum)"
                        + " || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' '"
                        + " || coalesce(pg_get_expr(d.adbin, d.adrelid), '-') as line"
                        + " from pg_class c join pg_attribute a on a.attrelid = c.oid"
                        + " left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum"
                        + " where c.relnamespace in " + schemas + " and c.relkind = 'r'"
                        + " and a.attnum > 0 and not a.attisdropped) x",
                String.class);
        String constraints = db.queryValue(
                "select string_agg(line, E'\\n' order by line) from (select conrelid::regclass::text || ' '"
                        + " || conname || ' ' || pg_get_constraintdef(oid) as line from pg_constraint"
                        + " where connamespace in " + schemas + ") x",
                String.class);
        String triggers = db.queryValue(
                "select string_agg(pg_get_triggerdef(t.oid), E'\\n' order by t.tgname) from pg_trigger t"
                        + " join pg_class c on c.oid = t.tgrelid where c.relnamespace in " + schemas
                        + " and not t.tgisinternal",
                String.class);
        String grants = db.queryValue(
                "select string_agg(line, E'\\n' order by line) from (select c.relname || ' '"
                        + " || coalesce(c.relacl::text, '-') as line from pg_class c"
                        + " where c.relnamespace in " + schemas + ") x",
                String.class);
        return String.join("\n--\n", functions, columns, constraints, triggers, grants);
    }
}
