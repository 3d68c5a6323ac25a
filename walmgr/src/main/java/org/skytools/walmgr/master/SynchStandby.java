package org.skytools.walmgr.master;

import java.util.Arrays;
import java.util.List;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.walmgr.WalmgrContext;
import org.skytools.walmgr.config.WalmgrKey;
import org.skytools.walmgr.pg.MasterDb;
import org.skytools.walmgr.pg.PgConfFile;
import org.skytools.walmgr.pg.Postmaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code synch-standby NAMES}: sets {@code synchronous_standby_names} after checking that at least
 * one of the named standbys (any for {@code *}) is connected, so that enabling synchronous
 * replication never stops every commit; an empty value turns it off. The postmaster gets SIGHUP.
 */
public final class SynchStandby {
    private static final Logger log = LoggerFactory.getLogger(SynchStandby.class);

    private final WalmgrContext ctx;

    public SynchStandby(WalmgrContext ctx) {
        this.ctx = ctx;
    }

    public void run(String names) {
        List<String> connected;
        try (MasterDb db = MasterDb.connect(
                ctx.settings().string(WalmgrKey.MASTER_DB), ctx.settings().jobName(), ctx.networkTimeout())) {
            connected = db.standbyNames();
        }
        String wanted = names.strip();
        if (!wanted.isEmpty() && !anyConnected(wanted, connected)) {
            throw new SkyToolsException(
                    ErrorKind.STATE,
                    "at least one standby named in \"" + wanted
                            + "\" must be connected when enabling synchronous mode; connected: " + connected);
        }
        PgConfFile conf = PgConfFile.read(ctx.settings().file(WalmgrKey.MASTER_CONFIG));
        log.info(
                "Changing synchronous_standby_names from '{}' to '{}'",
                conf.text().active("synchronous_standby_names").orElse(""),
                wanted);
        conf.text().set("synchronous_standby_names", wanted);
        conf.save(ctx.notReally(), ctx.out());
        if (!ctx.notReally()) {
            log.info("Sending SIGHUP to postmaster");
            new Postmaster(ctx.settings().file(WalmgrKey.MASTER_DATA)).signal("HUP");
        }
    }

    static boolean anyConnected(String names, List<String> connected) {
        if (names.equals("*")) {
            return !connected.isEmpty();
        }
        List<String> wanted = Arrays.stream(names.split("[\\s,()]+"))
                .filter(s -> !s.isEmpty())
                .map(s -> s.replace("\"", ""))
                .toList();
        for (String w : wanted) {
            if (connected.contains(w)) {
                return true;
            }
            log.warn("No slave available with name {}", w);
        }
        return false;
    }
}
