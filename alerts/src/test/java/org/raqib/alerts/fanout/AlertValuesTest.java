package org.raqib.alerts.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.raqib.alerts.Fixtures;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Alert;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Match;
import org.raqib.core.model.Mention;
import org.raqib.core.model.RuleHit;

class AlertValuesTest {

    private final Serializer<Alert> serde = Topics.ALERTS.valueSerde().serializer();

    @Test
    void writesEachAlertByteForByteAsTheAlertsSerdeDoes() {
        for (Match match : List.of(Fixtures.storylineMatch("a1"), awkward(), sparse())) {
            AlertValues values = new AlertValues(match);
            for (Alert alert : List.of(
                    new Alert(AlertIds.of(match.articleId(), "s1"), "s1", "new", Fixtures.T0, match),
                    new Alert(AlertIds.of(match.articleId(), "s-٢"), "s-٢", "also-reported",
                            Instant.parse("2026-11-23T10:15:30.123456789Z"), match),
                    new Alert("al-x", null, null, null, match))) {
                byte[] expected = serde.serialize(Topics.ALERTS.name(), alert);
                assertThat(values.of(alert)).as(new String(expected, StandardCharsets.UTF_8)).isEqualTo(expected);
            }
        }
    }

    @Test
    void givesTheSameValueEveryTimeForOneMatch() {
        Match match = awkward();
        AlertValues values = new AlertValues(match);
        Alert alert = new Alert("al-1", "s1", "new", Fixtures.T0, match);

        assertThat(values.of(alert)).isEqualTo(values.of(alert)).isEqualTo(serde.serialize("t", alert));
    }

    @Test
    void refusesAnAlertOfAnotherMatch() {
        AlertValues values = new AlertValues(Fixtures.storylineMatch("a1"));

        assertThatThrownBy(() -> values.of(new Alert("al-1", "s1", "new", Fixtures.T0, Fixtures.storylineMatch("a1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not of match a1");
    }

    /** Text that JSON must escape: quotes, backslashes, control characters, line separators, RTL marks, emoji. */
    private static Match awkward() {
        String title = "\"ليبيا\"\\ \u200f: اجتماع\tفي\nطرابلس \u2028 😀 </script>";
        EntityHit libya = new EntityHit("LY", "Libya \"LY\"", "libya", "country",
                List.of(new Mention("title", 1, 6, "ليبيا", 0.875, "alias"), new Mention("body", 0, 0, "", 1e-9, "x")));
        return new Match("a-\"2\"", "story-2", false, "src\u0001", "feed-2", "https://example.org/a?q=1&r=\"2\"", title,
                "ar", Fixtures.T0, Fixtures.T0.plusMillis(5), Fixtures.T0.plusNanos(7), List.of(libya),
                List.of(new RuleHit("r1", "Rule \u00e9", "high", 0.1 + 0.2, List.of("LY", "طرابلس"))), true,
                "مقتطف «مهم»");
    }

    /** A match with nothing optional: no times, no entities, rules or snippet. */
    private static Match sparse() {
        return new Match("a3", null, true, null, null, null, null, null, null, null, null, List.of(), List.of(), false,
                null);
    }
}
