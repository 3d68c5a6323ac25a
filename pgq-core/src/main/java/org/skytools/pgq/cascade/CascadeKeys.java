package org.skytools.pgq.cascade;

import org.skytools.common.config.ConfigKey;
import org.skytools.common.config.ConfigSchema;

/** Config keys of a cascaded worker, besides the consumer keys. */
public final class CascadeKeys {
    private CascadeKeys() {}

    /** How often the root publishes the global watermark. */
    public static final ConfigKey<java.time.Duration> GLOBAL_WM_PUBLISH_PERIOD = ConfigKey.seconds(
                    "global_wm_publish_period")
            .withDefault(CascadeSettings.DEFAULT_WM_PERIOD)
            .withDescription("seconds between global watermark publications on the root");

    /** How often a non-root node reports its watermark to its provider. */
    public static final ConfigKey<java.time.Duration> LOCAL_WM_PUBLISH_PERIOD = ConfigKey.seconds(
                    "local_wm_publish_period")
            .withDefault(CascadeSettings.DEFAULT_WM_PERIOD)
            .withDescription("seconds between reports of this node's watermark to its provider");

    /** The cascade keys as one schema group. */
    public static final ConfigSchema SCHEMA =
            ConfigSchema.of("Cascaded worker", GLOBAL_WM_PUBLISH_PERIOD, LOCAL_WM_PUBLISH_PERIOD);
}
