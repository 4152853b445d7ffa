package org.raqib.bench.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.raqib.ingest.poll.FeedItem;
import org.raqib.ingest.poll.FeedReader;

class FeedPollBenchmarkTest {

    /** Enough of a reader for the simulator's UTF-8 RSS: guids only. */
    private static final FeedReader GUIDS = (body, type, uri) -> {
        List<FeedItem> items = new ArrayList<>();
        Matcher m = Pattern.compile("<(?:guid[^>]*|id)>([^<]+)</").matcher(new String(body, StandardCharsets.UTF_8));
        while (m.find()) {
            items.add(new FeedItem(m.group(1), "", "", null, "", "", ""));
        }
        return items;
    };

    @Test
    void measuresPollsMostlyAnswered304AndTheHeap() throws Exception {
        FeedPollBenchmark.Result result = new FeedPollBenchmark(GUIDS)
                .run(new FeedPollBenchmark.Options(20, 2, Duration.ofSeconds(2), Duration.ofMillis(500), 6));

        assertThat(result.polls()).isPositive();
        assertThat(result.errors()).isZero();
        assertThat(result.notModifiedShare()).isGreaterThan(0.5);
        assertThat(result.pollsPerMinute()).isPositive();
        assertThat(result.heapUsedBytes()).isPositive();
    }
}
