package org.skytools.londiste.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;

/** check and fkeys, the original's stubs, here doing what their help says. */
@PgTest(clusters = 1)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StructureCommandsIT extends CliFixture {

    @Test
    void f5_checkComparesStructuresWithTheProvider_fkeysPrintsWhatWaitsToBeRestored(ClusterGroup group)
            throws Exception {
        PgCluster pg = group.get(0);
        String r = "sc_root";
        String l = "sc_leaf";
        for (String db : new String[] {r, l}) {
            pg.dropDatabase(db);
            pg.createDatabase(db, null);
            sql(
                    pg,
                    db,
                    "create table parent (id int4 primary key)",
                    "create table items (id int4 primary key, pid int4, name text, price numeric(10,2))");
        }
        nodes = new Nodes(dir);
        Path rootIni = nodes.config("scroot", pg, r);
        Path leafIni = nodes.config("scleaf", pg, l);
        assertThat(Nodes.run(rootIni, "create-root", "root", pg.connString(r))).isZero();
        assertThat(Nodes.run(leafIni, "create-leaf", "leaf", pg.connString(l), "--provider=" + pg.connString(r)))
                .isZero();
        assertThat(Nodes.run(rootIni, "add-table", "parent", "items")).isZero();
        assertThat(Nodes.run(leafIni, "add-table", "parent", "items", "--expect-sync"))
                .isZero();

        Nodes.Output same = Nodes.output(leafIni, "check");
        assertThat(same.code()).isZero();
        assertThat(same.text()).contains("public.items: same structure", "public.parent: same structure");

        sql(
                pg,
                l,
                "alter table items alter column price type numeric(12,2)",
                "alter table items add column note text",
                "alter table items drop column name");
        Nodes.Output differs = Nodes.output(leafIni, "check", "items");
        assertThat(differs.code()).as("one table differs").isEqualTo(1);
        assertThat(differs.text())
                .contains("public.items: column name (text) only on provider")
                .contains("public.items: column price is numeric(12,2) here, numeric(10,2) on provider")
                .contains("public.items: column note (text) only here")
                .doesNotContain("parent");
        assertThat(Nodes.output(rootIni, "check").code())
                .as("the root has no provider")
                .isNotZero();

        Nodes.Output none = Nodes.output(leafIni, "fkeys");
        assertThat(none.code()).isZero();
        assertThat(none.text()).contains("no foreign keys");
        // what a copy leaves behind until both tables are ok
        sql(
                pg,
                l,
                "insert into londiste.pending_fkeys values ('public.items', 'public.parent', 'items_pid_fkey',"
                        + " 'ALTER TABLE ONLY public.items ADD CONSTRAINT items_pid_fkey FOREIGN KEY (pid)"
                        + " REFERENCES public.parent(id)')");
        Nodes.Output pending = Nodes.output(leafIni, "fkeys");
        assertThat(pending.code()).isZero();
        assertThat(pending.text())
                .contains("ALTER TABLE ONLY public.items ADD CONSTRAINT items_pid_fkey FOREIGN KEY (pid)"
                        + " REFERENCES public.parent(id);");
    }
}
