package org.raqib.streams.backtest;

import java.time.Instant;
import java.util.Objects;

/**
 * One record of {@code raqib.articles} as a backtest sees it: key, undecoded JSON value and record timestamp. Values
 * stay bytes so that a record the live topology would dead-letter is dead-lettered by the backtest too.
 *
 * @param key the record key (the article id)
 * @param value the JSON {@code Article} bytes as stored on the topic
 * @param timestamp the record timestamp (the publication time for imported articles)
 */
public record ArticleRecord(String key, byte[] value, Instant timestamp) {

    public ArticleRecord {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
