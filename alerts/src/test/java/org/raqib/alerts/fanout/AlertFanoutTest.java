package org.raqib.alerts.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raqib.alerts.Fixtures.match;
import static org.raqib.alerts.Fixtures.storylineMatch;
import static org.raqib.alerts.Fixtures.subscription;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.raqib.alerts.Fixtures;
import org.raqib.core.model.Alert;

class AlertFanoutTest {

    private final Clock clock = Clock.fixed(Fixtures.T0, ZoneOffset.UTC);

    @Test
    void givesTheSameIdForTheSameMatchAndSubscription() {
        assertThat(AlertIds.of("a1", "s1")).isEqualTo(AlertIds.of("a1", "s1"))
                .isNotEqualTo(AlertIds.of("a1", "s2"))
                .isNotEqualTo(AlertIds.of("a1s", "1"));
    }

    @Test
    void writesOneAlertPerWantingSubscription() {
        List<Alert> alerts = AlertFanout.alertsFor(storylineMatch("a1"),
                List.of(subscription("s1", "alice"), subscription("s2", "bob")), true, clock);
        assertThat(alerts).extracting(Alert::subscriptionId).containsExactly("s1", "s2");
        assertThat(alerts).extracting(Alert::kind).containsOnly("new");
        assertThat(alerts.get(0).id()).isEqualTo(AlertIds.of("a1", "s1"));
    }

    @Test
    void marksLaterCopiesOfAStoryAsAlsoReportedUnlessConfiguredOtherwise() {
        assertThat(AlertFanout.alertsFor(match("a2", false, true, List.of()), List.of(subscription("s1", "a")), true, clock))
                .extracting(Alert::kind).containsExactly("also-reported");
        assertThat(AlertFanout.alertsFor(match("a2", false, true, List.of()), List.of(subscription("s1", "a")), false, clock))
                .extracting(Alert::kind).containsExactly("new");
    }
}
