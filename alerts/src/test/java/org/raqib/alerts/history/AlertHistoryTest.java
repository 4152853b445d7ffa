package org.raqib.alerts.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.raqib.alerts.Fixtures;
import org.raqib.core.model.Alert;
import org.raqib.core.model.DeliveryAttempt;

class AlertHistoryTest {

    private static Alert alert(String id, String subscription, int minute) {
        return new Alert(id, subscription, "new", Fixtures.T0.plusSeconds(60L * minute), Fixtures.storylineMatch(id));
    }

    private static AlertQuery limit(int limit) {
        return new AlertQuery(limit, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), a -> true);
    }

    @Test
    void listsNewestFirstAndDropsTheOldestBeyondCapacity() {
        AlertHistory history = new AlertHistory(2);
        history.add(0, 0, alert("a", "s", 0));
        history.add(1, 0, alert("b", "s", 1));
        history.add(0, 1, alert("c", "s", 2));
        assertThat(history.newestFirst(limit(10))).extracting(Alert::id).containsExactly("c", "b");
        assertThat(history.find("a")).isEmpty();
    }

    @Test
    void keepsOneCopyOfADuplicatedAlertId() {
        AlertHistory history = new AlertHistory(10);
        history.add(0, 0, alert("a", "s", 0));
        history.add(0, 1, alert("a", "s", 0));
        assertThat(history.size()).isEqualTo(1);
    }

    @Test
    void filtersBySinceRuleEntityAndVisibility() {
        AlertHistory history = new AlertHistory(10);
        history.add(0, 0, alert("a", "s1", 0));
        history.add(0, 1, alert("b", "s2", 5));
        AlertQuery since = new AlertQuery(10, Optional.of(Fixtures.T0.plusSeconds(60)), Optional.empty(),
                Optional.empty(), Optional.empty(), a -> true);
        assertThat(history.newestFirst(since)).extracting(Alert::id).containsExactly("b");
        AlertQuery entity = new AlertQuery(10, Optional.empty(), Optional.empty(), Optional.of("ML"), Optional.empty(),
                a -> true);
        assertThat(history.newestFirst(entity)).isEmpty();
        AlertQuery visible = new AlertQuery(10, Optional.empty(), Optional.empty(), Optional.of("LY"), Optional.empty(),
                a -> a.subscriptionId().equals("s1"));
        assertThat(history.newestFirst(visible)).extracting(Alert::id).containsExactly("a");
    }

    @Test
    void replaysEverythingAfterAPositionThenContinuesWithoutGaps() throws InterruptedException {
        AlertHistory history = new AlertHistory(10);
        history.add(0, 0, alert("a", "s", 0));
        history.add(1, 0, alert("b", "s", 1));
        history.add(0, 1, alert("c", "s", 2));
        AlertHistory.Replay replay = history.from(StreamPosition.start().after(0, 0));
        assertThat(replay.alerts()).extracting(s -> s.alert().id()).containsExactly("b", "c");
        history.add(1, 1, alert("d", "s", 3));
        assertThat(history.after(replay.seq(), Duration.ZERO)).extracting(s -> s.alert().id()).containsExactly("d");
    }

    @Test
    void returnsNothingWhenNoAlertArrivesWithinTheWait() throws InterruptedException {
        AlertHistory history = new AlertHistory(10);
        assertThat(history.after(history.fromHead().seq(), Duration.ofMillis(1))).isEmpty();
    }

    @Test
    void listsDeliveryAttemptsEvenWhenTheyAreReadBeforeTheirAlert() {
        AlertHistory history = new AlertHistory(10);
        DeliveryAttempt failed = new DeliveryAttempt("webhook", "https://x", Fixtures.T0, "failed", "503");
        DeliveryAttempt delivered = new DeliveryAttempt("webhook", "https://x", Fixtures.T0.plusSeconds(5), "delivered", "204");
        history.recordAttempts("a", "a|webhook|https://x", List.of(failed));
        history.add(0, 0, alert("a", "s", 0));
        history.recordAttempts("a", "a|webhook|https://x", List.of(failed, delivered));
        assertThat(history.attempts("a")).extracting(DeliveryAttempt::detail).isEqualTo(List.of("503", "204"));
        assertThat(history.attempts("zz")).isEmpty();
    }
}
