/**
 * The Kafka Streams topology that turns {@code raqib.articles} into {@code raqib.matches}.
 *
 * <h2>How to read it</h2>
 * {@link org.raqib.streams.topology.RaqibTopology#build()} is the one page to start from: every step is a named
 * processor, every store a named store. It depends on two seams, so tests and backtests can run it exactly as
 * production does:
 * <ul>
 *   <li>{@link org.raqib.streams.topology.EntityRecognition}: finds the storyline's entities in an article;</li>
 *   <li>{@link org.raqib.streams.topology.LiveRules}: the analysts' rules as they are now, updated by the global
 *       store over {@code raqib.rules}, so rule changes apply within seconds without a restart.</li>
 * </ul>
 *
 * <h2>Guarantees</h2>
 * Run with {@code processing.guarantee=exactly_once_v2}: an article's match, its dead letter and the state-store
 * updates commit together. A record that cannot be decoded or analysed goes to {@code raqib.dlq} with the stage,
 * reason, source topic, partition and offset, and the stream goes on. Exact repeats (same article id within
 * {@code streams.dedupeWindow}) are dropped; near-duplicates share a story id (see
 * {@link org.raqib.streams.stories}). All state is in changelog-backed stores, so adding an instance with the same
 * application id moves partitions and their state to it.
 */
package org.raqib.streams.topology;
