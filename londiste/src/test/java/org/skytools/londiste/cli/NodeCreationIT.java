package org.skytools.londiste.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;

/** What a branch or leaf knows of the replication set from the moment it is created. */
@PgTest(clusters = 1)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NodeCreationIT extends CliFixture {

    @Test
    void c8_aNewNodeStartsOutKnowingItsProvidersTablesAndSequences(ClusterGroup group) throws Exception {
        PgCluster pg = group.get(0);
        String r = "nc_root";
        String b = "nc_branch";
        String l = "nc_leaf";
        for (String db : new String[] {r, b, l}) {
            pg.dropDatabase(db);
            pg.createDatabase(db, null);
        }
        nodes = new Nodes(dir);
        Path rootIni = nodes.config("ncroot", pg, r);
        Path branchIni = nodes.config("ncbranch", pg, b);
        Path leafIni = nodes.config("ncleaf", pg, l, "register_skip_tables = public.private");
        sql(
                pg,
                r,
                "create table orders (id int4 primary key, data text)",
                "create table private (id int4 primary key)",
                "create sequence order_ids",
                "select setval('order_ids', 41)");
        assertThat(Nodes.run(rootIni, "create-root", "root", pg.connString(r))).isZero();
        assertThat(Nodes.run(rootIni, "add-table", "orders", "private")).isZero();
        assertThat(Nodes.run(rootIni, "add-seq", "order_ids")).isZero();
        // what the root worker does each round: the sequence's value goes into the set
        sql(pg, r, "select * from londiste.root_check_seqs('replq')");
        String pushed = text(pg, r, "select last_value from londiste.get_seq_list('replq')");
        assertThat(Long.parseLong(pushed))
                .as("pushed ahead of the root's value")
                .isGreaterThan(41);

        assertThat(Nodes.run(branchIni, "create-branch", "branch", pg.connString(b), "--provider=" + pg.connString(r)))
                .isZero();
        assertThat(text(
                        pg,
                        b,
                        "select string_agg(table_name || ':' || local, ',' order by table_name)"
                                + " from londiste.get_table_list('replq')"))
                .as("registered from the root, not subscribed")
                .isEqualTo("public.orders:false,public.private:false");
        assertThat(text(
                        pg,
                        b,
                        "select seq_name || ':' || last_value || ':' || local from londiste.get_seq_list('replq')"))
                .isEqualTo("public.order_ids:" + pushed + ":false");

        // a leaf learns from its own provider, the branch, and keeps out what its config skips
        assertThat(Nodes.run(leafIni, "create-leaf", "leaf", pg.connString(l), "--provider=" + pg.connString(b)))
                .isZero();
        assertThat(text(pg, l, "select string_agg(table_name, ',') from londiste.get_table_list('replq')"))
                .isEqualTo("public.orders");
        assertThat(text(pg, l, "select seq_name || ':' || last_value from londiste.get_seq_list('replq')"))
                .isEqualTo("public.order_ids:" + pushed);
        assertThat(text(pg, l, "select string_agg(table_name, ',') from londiste.get_table_list('replq') where local"))
                .as("nothing is subscribed until add-table on the leaf")
                .isNull();
    }
}
