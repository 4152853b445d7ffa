package org.raqib.alerts.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.raqib.alerts.Fixtures;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Match;
import org.raqib.core.model.RuleHit;
import org.raqib.core.model.Subscription;

class SubscriptionIndexTest {

    private static final List<String> RULES = List.of("storyline", "r1", "r2", "r3");
    private static final List<String> ENTITIES = List.of("LY", "ML", "NE", "WAGNER");
    private static final List<String> SIDES = List.of("libya", "sahel", "russia", "external");
    private static final List<String> SOURCES = List.of("alwasat", "hespress", "aljazeera");

    @Test
    void findsExactlyTheSubscriptionsTheFilterWantsInIdOrder() {
        SplittableRandom random = new SplittableRandom(1);
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            subscriptions.add(subscription(random, i));
        }
        SubscriptionIndex index = SubscriptionIndex.of(subscriptions);
        for (int i = 0; i < 300; i++) {
            Match match = match(random, i);
            List<Subscription> expected = index.all().stream().filter(s -> SubscriptionFilter.wants(s, match)).toList();

            assertThat(index.wanting(match)).as("match %s", match).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void looksAtStorylineOnlySubscriptionsWithoutFiltersForStorylineMatchesOnly() {
        Subscription storylineOnly = new Subscription("s1", "a", "s1", List.of(), List.of(), List.of(), true, 0,
                List.of(), List.of(), List.of(), "low", "", null, 0);
        SubscriptionIndex index = SubscriptionIndex.of(List.of(storylineOnly));

        assertThat(index.wanting(Fixtures.match("a1", true, true, List.of()))).containsExactly(storylineOnly);
        assertThat(index.wanting(Fixtures.match("a2", true, false, List.of(Fixtures.rule("r1", "high", 1.0)))))
                .isEmpty();
    }

    @Test
    void matchesSidesWhateverTheCaseOfTheEntitySide() {
        Subscription libya = new Subscription("s1", "a", "s1", List.of(), List.of(), List.of("libya"), false, 0,
                List.of(), List.of(), List.of(), "low", "", null, 0);
        Match m = Fixtures.storylineMatch("a1");
        Match upper = new Match(m.articleId(), m.storyId(), true, m.source(), m.feedId(), m.url(), m.title(), m.lang(),
                m.publishedAt(), m.fetchedAt(), m.matchedAt(),
                List.of(new EntityHit("LY", "Libya", "Libya", "country", List.of())), m.rules(), true, "");

        assertThat(SubscriptionIndex.of(List.of(libya)).wanting(upper)).containsExactly(libya);
    }

    private static Subscription subscription(SplittableRandom random, int i) {
        String id = "s" + i;
        return new Subscription(id, "owner", id, some(random, RULES), some(random, ENTITIES), some(random, SIDES),
                random.nextInt(4) == 0, random.nextInt(3) / 2.0, List.of(), some(random, SOURCES), List.of(),
                random.nextBoolean() ? "low" : "high", "", null, 0);
    }

    private static Match match(SplittableRandom random, int i) {
        List<EntityHit> entities = new ArrayList<>();
        for (String id : some(random, ENTITIES)) {
            entities.add(new EntityHit(id, id, SIDES.get(random.nextInt(SIDES.size())), "country", List.of()));
        }
        List<RuleHit> rules = new ArrayList<>();
        for (String id : some(random, RULES)) {
            rules.add(new RuleHit(id, id, random.nextBoolean() ? "low" : "critical", random.nextInt(3) / 2.0, List.of()));
        }
        Match m = Fixtures.fromSource("a" + i, SOURCES.get(random.nextInt(SOURCES.size())));
        return new Match(m.articleId(), m.storyId(), true, m.source(), m.feedId(), m.url(), m.title(), m.lang(),
                m.publishedAt(), m.fetchedAt(), m.matchedAt(), entities, rules, random.nextBoolean(), "");
    }

    /** Usually empty, otherwise one or two values of {@code from}. */
    private static List<String> some(SplittableRandom random, List<String> from) {
        int n = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0;
        List<String> chosen = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            chosen.add(from.get(random.nextInt(from.size())));
        }
        return chosen;
    }
}
