package org.raqib.alerts.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raqib.alerts.Fixtures.match;
import static org.raqib.alerts.Fixtures.rule;
import static org.raqib.alerts.Fixtures.storylineMatch;
import static org.raqib.alerts.Fixtures.subscription;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.raqib.core.model.Subscription;

class SubscriptionFilterTest {

    private static Subscription with(List<String> rules, List<String> entities, List<String> sides, boolean storylineOnly,
            double minScore, List<String> sources, List<String> languages, String minSeverity) {
        return new Subscription("s", "alice", "s", rules, entities, sides, storylineOnly, minScore,
                List.of(new Subscription.Channel("sse", "")), sources, languages, minSeverity, "", null, 0);
    }

    @Test
    void builtinSubscriptionWantsStorylineMatchesAndRulesOfMediumSeverityOrMore() {
        Subscription builtin = BuiltinSubscription.allStoryline();
        assertThat(SubscriptionFilter.wants(builtin, storylineMatch("a1"))).isTrue();
        assertThat(SubscriptionFilter.wants(builtin, match("a2", true, false, List.of(rule("r", "medium", 0.1))))).isTrue();
        assertThat(SubscriptionFilter.wants(builtin, match("a3", true, false, List.of(rule("r", "low", 1.0))))).isFalse();
    }

    @Test
    void namedRulesMustMatchWithTheMinimumScore() {
        Subscription wantsR1 = with(List.of("r1"), List.of(), List.of(), false, 0.5, List.of(), List.of(), "low");
        assertThat(SubscriptionFilter.wants(wantsR1, match("a", true, true, List.of(rule("r1", "low", 0.6))))).isTrue();
        assertThat(SubscriptionFilter.wants(wantsR1, match("a", true, true, List.of(rule("r1", "low", 0.4))))).isFalse();
        assertThat(SubscriptionFilter.wants(wantsR1, match("a", true, true, List.of(rule("r2", "high", 1))))).isFalse();
        assertThat(SubscriptionFilter.wants(wantsR1, storylineMatch("a"))).isFalse();
    }

    @Test
    void entitiesSidesSourcesAndLanguagesMustEachBeMet() {
        assertThat(SubscriptionFilter.wants(with(List.of(), List.of("LY"), List.of(), false, 0, List.of(), List.of(), "low"),
                storylineMatch("a"))).isTrue();
        assertThat(SubscriptionFilter.wants(with(List.of(), List.of("ML"), List.of(), false, 0, List.of(), List.of(), "low"),
                storylineMatch("a"))).isFalse();
        assertThat(SubscriptionFilter.wants(with(List.of(), List.of(), List.of("sahel"), false, 0, List.of(), List.of(), "low"),
                storylineMatch("a"))).isFalse();
        assertThat(SubscriptionFilter.wants(with(List.of(), List.of(), List.of(), false, 0, List.of("sabq"), List.of(), "low"),
                storylineMatch("a"))).isFalse();
        assertThat(SubscriptionFilter.wants(with(List.of(), List.of(), List.of(), false, 0, List.of(), List.of("AR"), "low"),
                storylineMatch("a"))).isTrue();
    }

    @Test
    void storylineOnlyRejectsRuleMatchesOutsideTheStoryline() {
        Subscription storylineOnly = with(List.of(), List.of(), List.of(), true, 0, List.of(), List.of(), "low");
        assertThat(SubscriptionFilter.wants(storylineOnly, match("a", true, false, List.of(rule("r", "high", 1))))).isFalse();
        assertThat(SubscriptionFilter.wants(storylineOnly, storylineMatch("a"))).isTrue();
    }

    @Test
    void unfilteredSubscriptionWantsEveryStorylineMatch() {
        assertThat(SubscriptionFilter.wants(subscription("s", "bob"), storylineMatch("a"))).isTrue();
    }
}
