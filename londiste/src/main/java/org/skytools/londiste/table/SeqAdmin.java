package org.skytools.londiste.table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.skytools.common.db.DdlStatement;
import org.skytools.common.db.FqName;
import org.skytools.common.db.SequenceStructure;
import org.skytools.common.error.SkyToolsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sequence commands of londiste (cli.md §2.5): add-seq, remove-seq and seqs, one transaction each. */
public final class SeqAdmin {
    private static final Logger log = LoggerFactory.getLogger(SeqAdmin.class);

    private final String queue;
    private final TableCatalog catalog;
    private RegisterFilter registering = RegisterFilter.ALL;

    public SeqAdmin(String queue) {
        this.queue = queue;
        this.catalog = new TableCatalog(queue);
    }

    /** Which of the provider's sequences this node registers when it syncs the sequence list. */
    public SeqAdmin registering(RegisterFilter filter) {
        this.registering = Objects.requireNonNull(filter, "filter");
        return this;
    }

    /**
     * add-seq: syncs the sequence list from the provider (non-root), optionally creates missing
     * sequences from the provider's definition, and registers them locally.
     *
     * @param provider provider connection; may be null on the root
     * @param create create missing local sequences ({@code --create} / {@code --create-full})
     * @param skipNonExisting skip sequences missing locally instead of failing
     * @return the sequences registered
     */
    public List<String> addSeqs(
            Connection node,
            Connection provider,
            List<String> names,
            boolean all,
            boolean create,
            boolean skipNonExisting,
            boolean force)
            throws SQLException {
        LocalNode self = LocalNode.read(node, queue);
        Map<String, TableCatalog.SeqInfo> src = new LinkedHashMap<>();
        if (!self.isRoot()) {
            if (provider == null) {
                throw SkyToolsException.usage("add-seq on a " + self.type() + " node needs the provider connection");
            }
            src.putAll(seqsByName(provider));
            SqlRows.endRead(provider);
        }
        SqlRows.endRead(node);
        return Tx.runBesideWorker(node, queue, () -> {
            if (!self.isRoot()) {
                syncSeqList(node, src);
            }
            List<String> done = new ArrayList<>();
            for (TableCatalog.SeqInfo s : catalog.seqs(node)) {
                if (s.local()) {
                    done.add(s.name());
                }
            }
            List<String> candidates = catalog.missing(node, "S");
            if (names.isEmpty() && !all) {
                throw SkyToolsException.usage("no sequences given; name the sequences or use --all");
            }
            List<String> list = names.isEmpty()
                    ? candidates
                    : NameExpander.expand("sequence", names, candidates, done, force)
                            .names();
            List<String> added = new ArrayList<>();
            for (String seq : list) {
                FqName name = FqName.parse(seq);
                if (!seqExists(node, name)) {
                    if (create && provider != null && seqExists(provider, name)) {
                        for (DdlStatement st :
                                SequenceStructure.read(provider, name).createDdl()) {
                            log.info("creating: {}", st.sql());
                            SqlRows.execute(node, st.sql());
                        }
                    } else if (skipNonExisting) {
                        log.warn("sequence \"{}\" missing on this node, skipped", seq);
                        continue;
                    } else {
                        throw SkyToolsException.state("sequence \"" + seq + "\" does not exist on this node"
                                + (create ? " nor on the provider" : "; create it or use --create"));
                    }
                }
                SqlRows.retCall(node, "select * from londiste.local_add_seq(?, ?)", queue, seq);
                log.info("sequence \"{}\" added", seq);
                added.add(seq);
            }
            return added;
        });
    }

    /**
     * A new branch or leaf learns the provider's sequences and their last pushed values while it
     * is created (C-8). Runs in the caller's transaction.
     */
    public void copyRegistrations(Connection node, Connection provider) throws SQLException {
        syncSeqList(node, seqsByName(provider));
    }

    private Map<String, TableCatalog.SeqInfo> seqsByName(Connection c) throws SQLException {
        Map<String, TableCatalog.SeqInfo> out = new LinkedHashMap<>();
        for (TableCatalog.SeqInfo s : catalog.seqs(c)) {
            out.put(s.name(), s);
        }
        return out;
    }

    private void syncSeqList(Connection node, Map<String, TableCatalog.SeqInfo> src) throws SQLException {
        Map<String, TableCatalog.SeqInfo> dst = seqsByName(node);
        for (TableCatalog.SeqInfo s : src.values()) {
            if (!dst.containsKey(s.name()) && registering.registersSeq(s.name())) {
                SqlRows.retCall(
                        node, "select * from londiste.global_update_seq(?, ?, ?)", queue, s.name(), s.lastValue());
            }
        }
        for (String seq : dst.keySet()) {
            if (!src.containsKey(seq)) {
                SqlRows.retCall(node, "select * from londiste.global_remove_seq(?, ?)", queue, seq);
            }
        }
    }

    /** remove-seq: unregisters local sequences (names or globs; empty with {@code all} = every one). */
    public List<String> removeSeqs(Connection node, List<String> names, boolean all) throws SQLException {
        return Tx.runBesideWorker(node, queue, () -> {
            List<String> local = new ArrayList<>();
            for (TableCatalog.SeqInfo s : catalog.seqs(node)) {
                if (s.local()) {
                    local.add(s.name());
                }
            }
            if (names.isEmpty() && !all) {
                throw SkyToolsException.usage("no sequences given; name the sequences or use --all");
            }
            List<String> list = names.isEmpty()
                    ? local
                    : NameExpander.expand("sequence", names, local, catalog.missing(node, "S"), false)
                            .names();
            for (String seq : list) {
                SqlRows.retCall(node, "select * from londiste.local_remove_seq(?, ?)", queue, seq);
            }
            return list;
        });
    }

    /** seqs: every sequence of the queue with its local flag and last published value. */
    public List<TableCatalog.SeqInfo> seqs(Connection node) throws SQLException {
        List<TableCatalog.SeqInfo> out = catalog.seqs(node);
        SqlRows.endRead(node);
        return out;
    }

    private static boolean seqExists(Connection c, FqName name) throws SQLException {
        return SqlRows.value(
                        c,
                        "select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                                + " where n.nspname = ? and c.relname = ? and c.relkind = 'S'",
                        name.schema(),
                        name.name())
                != null;
    }
}
