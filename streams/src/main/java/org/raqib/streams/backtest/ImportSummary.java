package org.raqib.streams.backtest;

import java.util.List;

/**
 * What an import did.
 *
 * @param imported articles written to the topic
 * @param duplicates articles skipped because their id was already on the topic (or earlier in this import)
 * @param rejected records that could not be read or cleaned, as {@code place: reason}
 */
public record ImportSummary(long imported, long duplicates, List<String> rejected) {

    public ImportSummary {
        rejected = List.copyOf(rejected);
    }
}
