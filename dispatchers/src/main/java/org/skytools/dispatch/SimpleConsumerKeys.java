package org.skytools.dispatch;

import org.skytools.common.config.ConfigKey;
import org.skytools.common.config.ConfigSchema;

/** The keys of simple_consumer and simple_local_consumer besides the consumer keys. */
final class SimpleConsumerKeys {
    static final ConfigKey<String> SRC_DB = ConfigKey.string("src_db")
            .asRequired()
            .withExample("dbname=sourcedb")
            .withDescription("connect string of the database holding the queue");

    static final ConfigKey<String> DST_DB = ConfigKey.string("dst_db")
            .asRequired()
            .withExample("dbname=targetdb")
            .withDescription("connect string of the database the query runs in");

    static final ConfigKey<String> DST_QUERY = ConfigKey.string("dst_query")
            .asRequired()
            .withExample("select * from somefunc(%%(pgq.ev_data)s)")
            .withDescription("query run for each row event, with %%(column)s and %%(pgq.ev_*)s parameters"
                    + "\n(%% doubled because of config interpolation)");

    static final ConfigKey<String> CONSUMER_FILTER = ConfigKey.string("consumer_filter")
            .withDescription("SQL condition on the event columns; deprecated, use table_filter");

    static final ConfigSchema SCHEMA = ConfigSchema.of("simple consumer", SRC_DB, DST_DB, DST_QUERY, CONSUMER_FILTER);

    private SimpleConsumerKeys() {}
}
