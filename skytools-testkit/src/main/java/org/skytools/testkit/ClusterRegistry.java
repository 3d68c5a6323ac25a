package org.skytools.testkit;

import java.util.ArrayList;
import java.util.List;

/** Stops every cluster still running when the JVM exits, so no server outlives the tests. */
final class ClusterRegistry {
    private static final List<PgCluster> RUNNING = new ArrayList<>();
    private static boolean hookInstalled;

    private ClusterRegistry() {}

    static synchronized void register(PgCluster cluster) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ClusterRegistry::closeAll, "pg-cluster-shutdown"));
            hookInstalled = true;
        }
        RUNNING.add(cluster);
    }

    static synchronized void unregister(PgCluster cluster) {
        RUNNING.remove(cluster);
    }

    private static void closeAll() {
        List<PgCluster> left;
        synchronized (ClusterRegistry.class) {
            left = new ArrayList<>(RUNNING);
        }
        for (PgCluster c : left) {
            try {
                c.close();
            } catch (RuntimeException e) {
                System.err.println("cannot stop " + c + ": " + e.getMessage());
            }
        }
    }
}
