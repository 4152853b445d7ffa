package org.raqib.streams.backtest;

import java.io.IOException;
import java.util.function.Consumer;

/** Where a backtest's articles come from: a time range of {@code raqib.articles}, or a file read without Kafka. */
@FunctionalInterface
public interface ArticleSource {

    /** Hands every record of the source to {@code each}, in the order the live topology would see them. */
    void forEach(Consumer<ArticleRecord> each) throws IOException;
}
