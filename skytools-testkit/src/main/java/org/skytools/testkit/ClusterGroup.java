package org.skytools.testkit;

import java.util.List;

/** The clusters of a multi-cluster test class: index 0 is the shared cluster. */
public record ClusterGroup(List<PgCluster> clusters) {
    public ClusterGroup {
        clusters = List.copyOf(clusters);
    }

    public PgCluster get(int index) {
        return clusters.get(index);
    }

    public int size() {
        return clusters.size();
    }
}
