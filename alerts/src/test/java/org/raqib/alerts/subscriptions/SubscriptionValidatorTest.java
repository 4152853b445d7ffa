package org.raqib.alerts.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.raqib.alerts.Fixtures;
import org.raqib.core.model.Subscription;

class SubscriptionValidatorTest {

    @Test
    void acceptsTheBuiltinSubscription() {
        assertThat(SubscriptionValidator.problems(BuiltinSubscription.allStoryline())).isEmpty();
        assertThat(SubscriptionValidator.problems(Fixtures.subscription("ok-1", "alice"))).isEmpty();
    }

    @Test
    void reportsEveryBadFieldByName() {
        Subscription bad = new Subscription("bad id!", "alice", "n", List.of(""), List.of(), List.of(), false, 1.5,
                List.of(new Subscription.Channel("webhook", "ftp://x"), new Subscription.Channel("email", "nobody"),
                        new Subscription.Channel("pigeon", "")),
                List.of(), List.of(), "urgent", "", java.time.Duration.ofSeconds(5), -1);
        assertThat(SubscriptionValidator.problems(bad)).extracting(FieldError::field).containsExactlyInAnyOrder(
                "id", "minScore", "minSeverity", "rules[0]", "channels[0].target", "channels[1].target",
                "channels[2].type", "digestEvery", "maxPerHour");
    }

    @Test
    void requiresAtLeastOneChannel() {
        Subscription none = new Subscription("s", "alice", "n", List.of(), List.of(), List.of(), false, 0, List.of(),
                List.of(), List.of(), "low", "", null, 0);
        assertThat(SubscriptionValidator.problems(none)).extracting(FieldError::field).containsExactly("channels");
    }
}
