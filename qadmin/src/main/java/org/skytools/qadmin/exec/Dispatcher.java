package org.skytools.qadmin.exec;

import java.sql.SQLException;
import org.skytools.qadmin.lang.Statement;
import org.skytools.sql.SchemaInstaller;

/** Hands each statement to the action class that runs it. */
public final class Dispatcher {
    private final ConnectAction connect;
    private final InstallAction install;
    private final QueueActions queues;
    private final ConsumerActions consumers;
    private final SubconsumerActions subconsumers;
    private final InfoActions info;
    private final LondisteActions londiste;
    private final SqlAction sql;

    public Dispatcher(Session session, Output out) {
        this.connect = new ConnectAction(session, out);
        this.install = new InstallAction(session, out, new SchemaInstaller());
        this.queues = new QueueActions(session, out);
        this.consumers = new ConsumerActions(session, out);
        this.subconsumers = new SubconsumerActions(session, out);
        this.info = new InfoActions(session, out);
        this.londiste = new LondisteActions(session, out);
        this.sql = new SqlAction(session, out);
    }

    /**
     * Runs one statement.
     *
     * @return false when the statement asks qadmin to exit
     */
    public boolean execute(Statement s) throws SQLException {
        if (s instanceof Statement.Exit) {
            return false;
        } else if (s instanceof Statement.Sql x) {
            sql.run(x);
        } else if (s instanceof Statement.Connect x) {
            connect.run(x);
        } else if (s instanceof Statement.Install x) {
            install.run(x);
        } else if (s instanceof Statement.CreateQueue x) {
            queues.create(x);
        } else if (s instanceof Statement.DropQueue x) {
            queues.drop(x);
        } else if (s instanceof Statement.AlterQueue x) {
            queues.alter(x);
        } else if (s instanceof Statement.ShowQueue x) {
            queues.show(x);
        } else if (s instanceof Statement.RegisterConsumer x) {
            consumers.register(x);
        } else if (s instanceof Statement.UnregisterConsumer x) {
            consumers.unregister(x);
        } else if (s instanceof Statement.ShowConsumer x) {
            consumers.show(x);
        } else if (s instanceof Statement.ShowBatch x) {
            consumers.showBatch(x);
        } else if (s instanceof Statement.RegisterSubconsumer x) {
            subconsumers.register(x);
        } else if (s instanceof Statement.UnregisterSubconsumer x) {
            subconsumers.unregister(x);
        } else if (s instanceof Statement.ShowHelp) {
            info.help();
        } else if (s instanceof Statement.ShowVersion) {
            info.version();
        } else if (s instanceof Statement.ShowNode x) {
            info.node(x);
        } else if (s instanceof Statement.ShowTable x) {
            info.table(x);
        } else if (s instanceof Statement.ShowSequence x) {
            info.sequence(x);
        } else if (s instanceof Statement.LondisteAddTable x) {
            londiste.addTable(x);
        } else if (s instanceof Statement.LondisteAddSequence x) {
            londiste.addSequence(x);
        } else if (s instanceof Statement.LondisteRemoveTable x) {
            londiste.removeTable(x);
        } else if (s instanceof Statement.LondisteRemoveSequence x) {
            londiste.removeSequence(x);
        } else if (s instanceof Statement.LondisteList x) {
            londiste.list(x);
        } else {
            throw new IllegalStateException("no action for " + s);
        }
        return true;
    }
}
