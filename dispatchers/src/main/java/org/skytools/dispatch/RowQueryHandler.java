package org.skytools.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.skytools.pgq.Event;
import org.skytools.pgq.consumer.Batch;
import org.skytools.pgq.consumer.BatchHandler;
import org.skytools.pgq.consumer.ConnectionSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of simple_consumer and simple_local_consumer: for each row event of the batch, run
 * {@code dst_query} on the target in autocommit with the event's parameters. Other events are
 * skipped.
 */
final class RowQueryHandler implements BatchHandler {
    private static final Logger log = LoggerFactory.getLogger(RowQueryHandler.class);

    private final QueryTemplate query;
    private final ConnectionSource target;
    private final SqlRetry retry;

    RowQueryHandler(QueryTemplate query, ConnectionSource target, SqlRetry retry) {
        this.query = query;
        this.target = target;
        this.retry = retry;
    }

    @Override
    public void handle(Batch batch) throws Exception {
        for (Event ev : batch.events()) {
            if (!EventParams.isRowEvent(ev)) {
                continue;
            }
            Map<String, String> params = EventParams.of(ev, batch.info().curTickId());
            String what = "event " + ev.id();
            retry.run(target, conn -> execute(conn, params, what));
        }
    }

    private Void execute(Connection conn, Map<String, String> params, String what) throws Exception {
        try (PreparedStatement st = query.prepare(conn, params, what)) {
            if (st.execute()) {
                try (ResultSet rs = st.getResultSet()) {
                    int rows = 0;
                    while (rs.next()) {
                        rows++;
                    }
                    log.debug("{}: {} rows", what, rows);
                }
            } else {
                log.debug("{}: {} rows affected", what, st.getUpdateCount());
            }
        }
        return null;
    }
}
