package org.skytools.londiste.cli;

import org.skytools.pgq.cascade.NodeType;

/** Which code runs each admin command. */
final class AdminCommands {
    private AdminCommands() {}

    static AdminAction action(CommandCatalog command) {
        return switch (command) {
            case CREATE_ROOT -> NodeActions.create(NodeType.ROOT);
            case CREATE_BRANCH -> NodeActions.create(NodeType.BRANCH);
            case CREATE_LEAF -> NodeActions.create(NodeType.LEAF);
            case STATUS -> NodeActions.status();
            case NODE_STATUS -> NodeActions.nodeStatus();
            case NODE_INFO -> NodeActions.nodeInfo();
            case MEMBERS -> NodeActions.members();
            case PAUSE -> NodeActions.pause(true);
            case RESUME -> NodeActions.pause(false);
            case CHANGE_PROVIDER -> NodeActions.changeProvider();
            case DROP_NODE -> NodeActions.dropNode();
            case TAG_DEAD -> NodeActions.tagDead();
            case TAG_ALIVE -> NodeActions.tagAlive();
            case RENAME_NODE -> NodeActions.renameNode();
            case SHOW_CONSUMERS -> NodeActions.showConsumers();
            case TAKEOVER -> NodeActions.takeover();
            case RESURRECT -> NodeActions.resurrect();
            case WAIT_ROOT -> NodeActions.waitFor(true);
            case WAIT_PROVIDER -> NodeActions.waitFor(false);
            case ADD_TABLE -> TableActions.addTable();
            case REMOVE_TABLE -> TableActions.removeTable();
            case ADD_SEQ -> TableActions.addSeq();
            case REMOVE_SEQ -> TableActions.removeSeq();
            case TABLES -> TableActions.tables();
            case SEQS -> TableActions.seqs();
            case MISSING -> TableActions.missing();
            case RESYNC -> TableActions.resync();
            case WAIT_SYNC -> TableActions.waitSync();
            case EXECUTE -> new ExecuteAction();
            case CHECK -> StructureActions.check();
            case FKEYS -> StructureActions.fkeys();
            case COMPARE -> CompareActions.compare();
            case REPAIR -> CompareActions.repair();
            case CHANGE_HANDLER -> HandlerActions.changeHandler();
            case SHOW_HANDLERS -> HandlerActions.showHandlers();
            case WORKER, REPLAY, COPY -> throw new IllegalStateException("not an admin command: " + command);
        };
    }
}
