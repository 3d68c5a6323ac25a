package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skytools.common.error.SkyToolsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code rename-node OLD NEW} across the live members of a cascade, in two rounds: first every
 * member makes the new name a copy of the old one, then every member switches to the new name
 * and drops the old. Between the rounds both names are valid everywhere, so a running worker
 * sees either; a run cut short is finished by running the command again. The second round also
 * renames the node in the member's {@code sync_watermark} attribute and, through the hook, in the
 * tool's own tables, in the same transaction.
 */
final class NodeRename {
    private static final Logger log = LoggerFactory.getLogger(NodeRename.class);

    private final CascadeAdmin admin;
    private final NodeConnector connector;
    private final String queue;
    private final NodeRenameHook hook;

    NodeRename(CascadeAdmin admin, NodeConnector connector, String queue, NodeRenameHook hook) {
        this.admin = admin;
        this.connector = connector;
        this.queue = queue;
        this.hook = hook;
    }

    String run(String oldName, String newName) throws SQLException {
        if (newName == null || newName.isBlank()) {
            throw SkyToolsException.usage("rename-node needs the new name: rename-node OLD NEW");
        }
        if (newName.equals(oldName)) {
            return "node \"" + oldName + "\" already has that name";
        }
        Map<String, NodeLocation> members = NodeCreator.byName(admin.members());
        NodeLocation old = members.get(oldName);
        NodeLocation taken = members.get(newName);
        if (old == null && taken == null) {
            throw SkyToolsException.usage(
                    "unknown node \"" + oldName + "\"; see members for the nodes of queue \"" + queue + "\"");
        }
        if (old != null && taken != null && !taken.location().equals(old.location())) {
            throw SkyToolsException.state("node name \"" + newName + "\" is taken by another node of queue \"" + queue
                    + "\"; choose another name");
        }
        if (old == null) {
            log.info("node \"{}\" is already renamed \"{}\" here: finishing on the other members", oldName, newName);
        }
        // one visit per database: after a cut-short run the node may be listed under both names
        Map<String, NodeLocation> byLocation = new LinkedHashMap<>();
        for (NodeLocation m : members.values()) {
            if (m.dead()) {
                log.warn("node \"{}\" is dead: it keeps the old name \"{}\"", m.nodeName(), oldName);
            } else {
                byLocation.putIfAbsent(m.location(), m);
            }
        }
        List<NodeLocation> live = new ArrayList<>(byLocation.values());
        // round 1 must reach every live member before any of them drops the old name
        for (NodeLocation m : live) {
            RetCode rc = step(1, m, oldName, newName);
            if (rc.code() == 405) {
                throw SkyToolsException.state("node \"" + m.nodeName() + "\": " + rc.note() + "; nothing was renamed");
            }
            NodeCreator.check(rc.code() == 301 ? new RetCode(200, rc.note()) : rc, "rename_node_step1");
        }
        List<String> failed = new ArrayList<>();
        for (NodeLocation m : live) {
            try {
                RetCode rc = step(2, m, oldName, newName);
                if (rc.code() >= 400) {
                    failed.add(m.nodeName() + " (" + rc.note() + ")");
                }
            } catch (RuntimeException | SQLException e) {
                failed.add(m.nodeName() + " (" + e.getMessage() + ")");
            }
        }
        if (!failed.isEmpty()) {
            throw SkyToolsException.state("node \"" + oldName + "\" was not renamed on " + String.join(", ", failed)
                    + "; run rename-node again to finish");
        }
        return "node \"" + oldName + "\" renamed to \"" + newName + "\"";
    }

    private RetCode step(int step, NodeLocation member, String oldName, String newName) throws SQLException {
        try (Connection c = CascadeAdmin.open(connector, member.location(), "node \"" + member.nodeName() + "\"")) {
            c.setAutoCommit(false);
            RetCode rc = new PgqNodeClient(c).renameNodeStep(step, queue, oldName, newName);
            log.info("rename step {} on node \"{}\": {}", step, member.nodeName(), rc.note());
            // 301: the member has the new name already (a run cut short); its references may not
            if (step == 2 && (rc.code() < 300 || rc.code() == 301)) {
                SyncWatermark.renameNode(c, queue, oldName, newName);
                hook.renamed(c, queue, oldName, newName);
            }
            c.commit();
            return rc;
        }
    }
}
