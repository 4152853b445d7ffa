package org.raqib.alerts.subscriptions;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Match;
import org.raqib.core.model.RuleHit;
import org.raqib.core.model.Subscription;

/**
 * An immutable snapshot of subscriptions that finds the ones wanting a match without checking them all. Each
 * subscription is filed under its most selective filter that a match must meet — its rule ids, else its entity ids,
 * else its sources, else its sides — or, with none of those, among the storyline-only ones (looked at for storyline
 * matches only) or those looked at for every match. The candidates a match's rules, entities, sides and source
 * point to are then confirmed by {@link SubscriptionFilter#wants}, so the index saves work but never changes the
 * answer. Thread-safe.
 */
public final class SubscriptionIndex {

    private static final int[] NONE = new int[0];

    private final List<Subscription> ordered;
    private final Map<String, int[]> byRule;
    private final Map<String, int[]> byEntity;
    private final Map<String, int[]> bySource;
    private final Map<String, int[]> bySide;
    private final int[] storylineOnly;
    private final int[] always;

    private SubscriptionIndex(List<Subscription> ordered) {
        this.ordered = ordered;
        Map<String, List<Integer>> rules = new HashMap<>();
        Map<String, List<Integer>> entities = new HashMap<>();
        Map<String, List<Integer>> sources = new HashMap<>();
        Map<String, List<Integer>> sides = new HashMap<>();
        List<Integer> storyline = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Subscription s = ordered.get(i);
            if (!s.rules().isEmpty()) {
                file(rules, s.rules(), i);
            } else if (!s.entities().isEmpty()) {
                file(entities, s.entities(), i);
            } else if (!s.sources().isEmpty()) {
                file(sources, s.sources(), i);
            } else if (!s.sides().isEmpty()) {
                file(sides, s.sides(), i);
            } else if (s.storylineOnly()) {
                storyline.add(i);
            } else {
                rest.add(i);
            }
        }
        this.byRule = frozen(rules);
        this.byEntity = frozen(entities);
        this.bySource = frozen(sources);
        this.bySide = frozen(sides);
        this.storylineOnly = ints(storyline);
        this.always = ints(rest);
    }

    /** An index of {@code subscriptions}. */
    public static SubscriptionIndex of(Collection<Subscription> subscriptions) {
        return new SubscriptionIndex(subscriptions.stream().sorted(Comparator.comparing(Subscription::id)).toList());
    }

    /** Every subscription, by id. */
    public List<Subscription> all() {
        return ordered;
    }

    /** The subscriptions that want {@code match}, by id: those {@link SubscriptionFilter#wants} says yes to. */
    public List<Subscription> wanting(Match match) {
        BitSet candidates = new BitSet(ordered.size());
        for (RuleHit hit : match.rules()) {
            mark(candidates, byRule.get(hit.id()));
        }
        for (EntityHit entity : match.entities()) {
            mark(candidates, byEntity.get(entity.id()));
            if (entity.side() != null) {
                // The filter compares the subscription's sides with the entity's side in lower case.
                mark(candidates, bySide.get(entity.side().toLowerCase(Locale.ROOT)));
            }
        }
        if (match.source() != null) {
            mark(candidates, bySource.get(match.source()));
        }
        if (match.storyline()) {
            mark(candidates, storylineOnly);
        }
        mark(candidates, always);
        List<Subscription> wanting = new ArrayList<>();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Subscription subscription = ordered.get(i);
            if (SubscriptionFilter.wants(subscription, match)) {
                wanting.add(subscription);
            }
        }
        return wanting;
    }

    private static void mark(BitSet candidates, int[] positions) {
        if (positions != null) {
            for (int position : positions) {
                candidates.set(position);
            }
        }
    }

    private static void file(Map<String, List<Integer>> index, List<String> keys, int position) {
        for (String key : keys) {
            index.computeIfAbsent(key, k -> new ArrayList<>()).add(position);
        }
    }

    private static Map<String, int[]> frozen(Map<String, List<Integer>> index) {
        Map<String, int[]> result = new HashMap<>();
        index.forEach((key, positions) -> result.put(key, ints(positions)));
        return Map.copyOf(result);
    }

    private static int[] ints(List<Integer> positions) {
        return positions.isEmpty() ? NONE : positions.stream().mapToInt(Integer::intValue).toArray();
    }
}
