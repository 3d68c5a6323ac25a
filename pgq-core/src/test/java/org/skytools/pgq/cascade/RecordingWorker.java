package org.skytools.pgq.cascade;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import org.skytools.pgq.Event;
import org.skytools.pgq.consumer.JdbcConnectionSource;
import org.skytools.testkit.TestDatabase;

/**
 * A worker that records every applied event in table {@code applied} with the batch's tick, in
 * the batch's local transaction: the primary key turns a second application into an error.
 */
class RecordingWorker extends CascadedWorker {
    private RemoteBatch current;
    volatile boolean crashAfterCommit;
    volatile String failOnData;

    RecordingWorker(TestDatabase db, CascadeSettings settings) {
        super(new JdbcConnectionSource(db.jdbcUrl()), CascadeFixture.CONNECTOR, settings);
    }

    RecordingWorker(TestDatabase db, CascadeSettings settings, Clock clock) {
        super(new JdbcConnectionSource(db.jdbcUrl()), CascadeFixture.CONNECTOR, settings, clock);
    }

    RecordingWorker(TestDatabase db, String worker) {
        this(db, CascadeSettings.of(CascadeFixture.QUEUE, worker));
    }

    @Override
    protected void processRemoteBatch(RemoteBatch batch, Connection dst) throws SQLException {
        current = batch;
        super.processRemoteBatch(batch, dst);
    }

    @Override
    protected void processRemoteEvent(Event ev, Connection dst) throws SQLException {
        if (ev.data().equals(failOnData)) {
            throw new SQLException("cannot apply event " + ev.data());
        }
        try (PreparedStatement st = dst.prepareStatement("insert into applied values (?, ?, ?)")) {
            st.setLong(1, ev.id());
            st.setLong(2, current.tickId());
            st.setString(3, ev.data());
            st.executeUpdate();
        }
    }

    @Override
    protected void batchCommitted(RemoteBatch batch) throws Exception {
        if (crashAfterCommit) {
            crashAfterCommit = false;
            throw new IllegalStateException("simulated crash after the local commit");
        }
    }
}
