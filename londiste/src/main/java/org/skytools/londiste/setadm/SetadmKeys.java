package org.skytools.londiste.setadm;

import java.util.List;
import org.skytools.common.cli.ScriptDefinition;
import org.skytools.common.config.ConfigKey;
import org.skytools.common.config.ConfigSchema;
import org.skytools.common.config.GenericKeys;
import org.skytools.common.config.Validator;
import org.skytools.pgq.consumer.ConsumerKeys;

/** The keys of setadm's {@code [cascade_admin]} section, as SkyTools 3's setadm reads them. */
public final class SetadmKeys {

    /** The local node's database. */
    public static final ConfigKey<String> NODE_DB = ConfigKey.string("node_db")
            .asRequired()
            .withValidator(Validator.connectString())
            .withDescription("connect string of the local node's database");

    /** setadm's own keys. */
    public static final ConfigSchema SCHEMA = ConfigSchema.of("setadm", NODE_DB, ConsumerKeys.QUEUE_NAME);

    /** Generic script keys, then setadm's. */
    public static final ScriptDefinition DEFINITION =
            new ScriptDefinition(List.of("cascade_admin"), GenericKeys.SCHEMA.plus(SCHEMA), "", false, true);

    private SetadmKeys() {}
}
