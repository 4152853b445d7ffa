package org.raqib.core.config;

/**
 * How Raqib's topics are created, and what an existing cluster's topics are verified against.
 *
 * @param partitions partitions of every topic: the most instances of one service that share the work
 * @param replicationFactor copies of each partition (1 for the embedded broker, 3 in production)
 * @param minInsyncReplicas {@code min.insync.replicas} (2 with a replication factor of 3)
 * @param retentionMs {@code retention.ms} of the event topics (articles, matches, alerts, trends, dead letters);
 *     -1 keeps them forever, because backtests and replays read months of history from them
 */
public record TopicsSettings(int partitions, int replicationFactor, int minInsyncReplicas, long retentionMs) {

    public TopicsSettings {
        Checks.range("partitions", partitions, 1, 10_000);
        Checks.range("replicationFactor", replicationFactor, 1, 32);
        Checks.range("minInsyncReplicas", minInsyncReplicas, 1, replicationFactor);
        if (retentionMs != -1 && retentionMs < 60_000) {
            throw new IllegalArgumentException("retentionMs must be -1 (forever) or at least 60000, got " + retentionMs);
        }
    }
}
