package org.raqib.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raqib.app.Raqib;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.FeedState;
import org.raqib.core.testing.KafkaClusterExtension;

/** {@code raqib status} against a real broker. */
class StatusCommandIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    @Test
    void reportsFreshAndStaleFeedsAndTopicCountsAndAsksForAttention() {
        kafka.createTopics(1, Topics.all().toArray(org.raqib.core.kafka.Topic<?, ?>[]::new));
        Instant now = Instant.now();
        kafka.send(Topics.FEED_STATE, "aljazeera", new FeedState("aljazeera", null, null, now, now,
                now.minus(Duration.ofMinutes(5)), 0, List.of()));
        kafka.send(Topics.FEED_STATE, "quiet", new FeedState("quiet", null, null, now, now,
                now.minus(Duration.ofHours(3)), 0, List.of()));
        kafka.send(Topics.FEED_STATE, "broken", new FeedState("broken", null, null, now, now, null, 4, List.of()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Raqib.execute(new String[] {"status", "--bootstrap-servers", kafka.bootstrapServers()},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(err.toString()).isEmpty();
        assertThat(exit).as("a stale and a failing feed need attention").isEqualTo(1);
        assertThat(out.toString())
                .containsPattern("aljazeera\\s+fresh\\s+5m ago")
                .containsPattern("quiet\\s+stale\\s+3h0m ago")
                .containsPattern("broken\\s+failing\\s+never\\s+4")
                .contains("1 of 3 feeds fresh")
                .containsPattern("raqib\\.matches\\s+0\\s+0")
                .contains("(no committed offsets yet)");
    }
}
