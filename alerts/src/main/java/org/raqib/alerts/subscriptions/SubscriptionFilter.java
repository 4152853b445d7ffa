package org.raqib.alerts.subscriptions;

import java.util.Locale;
import org.raqib.core.model.Match;
import org.raqib.core.model.RuleHit;
import org.raqib.core.model.Subscription;

/**
 * Decides whether a subscription wants a match. Every non-empty list must be met (any of its values); then, when
 * the subscription names rules, one of them must have matched with at least its minimum score and severity; when
 * it names none, a storyline match or any rule matched with at least that score and severity will do.
 * {@code storylineOnly} additionally requires the storyline rule.
 */
public final class SubscriptionFilter {

    private SubscriptionFilter() {}

    /** Whether {@code subscription} wants an alert for {@code match}. */
    public static boolean wants(Subscription subscription, Match match) {
        if (!subscription.sources().isEmpty() && !subscription.sources().contains(match.source())) {
            return false;
        }
        if (!subscription.languages().isEmpty()
                && (match.lang() == null
                        || subscription.languages().stream().noneMatch(l -> l.equalsIgnoreCase(match.lang())))) {
            return false;
        }
        if (!subscription.entities().isEmpty()
                && match.entities().stream().noneMatch(e -> subscription.entities().contains(e.id()))) {
            return false;
        }
        if (!subscription.sides().isEmpty()
                && match.entities().stream().noneMatch(e -> e.side() != null
                        && subscription.sides().contains(e.side().toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (subscription.storylineOnly() && !match.storyline()) {
            return false;
        }
        boolean ruleMet = match.rules().stream().anyMatch(hit -> counts(subscription, hit));
        return subscription.rules().isEmpty() ? match.storyline() || ruleMet : ruleMet;
    }

    private static boolean counts(Subscription subscription, RuleHit hit) {
        return (subscription.rules().isEmpty() || subscription.rules().contains(hit.id()))
                && hit.score() >= subscription.minScore()
                && Severity.rank(hit.severity()) >= Severity.rank(subscription.minSeverity());
    }
}
