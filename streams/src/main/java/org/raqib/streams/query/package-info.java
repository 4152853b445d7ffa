/**
 * Queries of the whole application from any Kafka Streams instance: each instance advertises its HTTP address
 * ({@code application.server}), finds the others through Kafka Streams' metadata, asks them for what their stores
 * hold and merges the answers.
 *
 * <h2>How a query runs</h2>
 * {@link org.raqib.streams.query.ClusterQueries} asks {@link org.raqib.streams.query.Placement} which instances
 * hold the store. A store whose key is the key it is partitioned by (trend counts) lives, for one key, on one
 * instance: the query goes there alone. Stores keyed otherwise (recent matches and stories, partitioned by story
 * signature) may hold an answer on every instance: the query goes to all of them. This instance reads its own
 * stores; {@link org.raqib.streams.query.PeerClient} asks the others on their {@code /api/local/...} paths, which
 * answer from the local stores only and so never ask further. {@link org.raqib.streams.query.QueryMerge} merges.
 *
 * <h2>When instances do not answer</h2>
 * An instance that does not answer in time is left out and named in the {@link org.raqib.streams.query.Answer}, so
 * the caller sees a partial answer rather than an error. While the instances rebalance (or restore state) their
 * stores cannot be read: queries throw {@link org.raqib.streams.query.StoresUnavailableException}, which says when
 * to retry.
 */
package org.raqib.streams.query;
