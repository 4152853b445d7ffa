/**
 * Import, backtest and replay: loading historical articles into {@code raqib.articles}, running the one topology
 * ({@code RaqibTopology.build()}) over a time range on {@code TopologyTestDriver} without touching live topics or
 * consumer groups, the deterministic JSON and self-contained HTML reports, and copying a range for a replay.
 */
package org.raqib.streams.backtest;
