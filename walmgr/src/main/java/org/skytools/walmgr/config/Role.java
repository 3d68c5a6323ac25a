package org.skytools.walmgr.config;

/** What a walmgr config describes: the master (it names {@code master_data}) or a slave. */
public enum Role {
    MASTER,
    SLAVE;

    /** The role a config describes, by the presence of {@code master_data}, as SkyTools decides it. */
    public static Role of(java.util.Map<String, String> values) {
        return values.containsKey(WalmgrKey.MASTER_DATA.key()) ? MASTER : SLAVE;
    }

    public String label() {
        return this == MASTER ? "master" : "slave";
    }
}
