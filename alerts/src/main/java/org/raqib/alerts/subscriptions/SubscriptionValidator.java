package org.raqib.alerts.subscriptions;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.raqib.core.model.Subscription;

/** Checks a subscription sent to the API and reports every problem, each with its field. */
public final class SubscriptionValidator {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> CHANNELS = Set.of("webhook", "slack", "teams", "email", "sse", "atom");

    private SubscriptionValidator() {}

    /** Every problem with {@code subscription}; empty when it is valid. */
    public static List<FieldError> problems(Subscription subscription) {
        List<FieldError> errors = new ArrayList<>();
        if (!ID.matcher(subscription.id()).matches()) {
            errors.add(new FieldError("id", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
        }
        if (subscription.name().length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        if (!(subscription.minScore() >= 0 && subscription.minScore() <= 1)) {
            errors.add(new FieldError("minScore", "must be between 0 and 1, got " + subscription.minScore()));
        }
        if (!Severity.LEVELS.contains(subscription.minSeverity().toLowerCase(Locale.ROOT))) {
            errors.add(new FieldError("minSeverity", "must be one of " + String.join(", ", Severity.LEVELS)));
        }
        blanks(errors, "rules", subscription.rules());
        blanks(errors, "entities", subscription.entities());
        blanks(errors, "sides", subscription.sides());
        blanks(errors, "sources", subscription.sources());
        blanks(errors, "languages", subscription.languages());
        if (subscription.digestEvery() != null && (subscription.digestEvery().compareTo(Duration.ofMinutes(1)) < 0
                || subscription.digestEvery().compareTo(Duration.ofDays(1)) > 0)) {
            errors.add(new FieldError("digestEvery", "must be from PT1M to P1D (ISO-8601), or left out for immediate mail"));
        }
        if (subscription.maxPerHour() < 0) {
            errors.add(new FieldError("maxPerHour", "must be 0 (no cap) or more, got " + subscription.maxPerHour()));
        }
        if (subscription.channels().isEmpty()) {
            errors.add(new FieldError("channels", "must name at least one channel: webhook, slack, teams, email, sse or atom"));
        }
        for (int i = 0; i < subscription.channels().size(); i++) {
            channel(errors, "channels[" + i + "]", subscription.channels().get(i));
        }
        return errors;
    }

    private static void blanks(List<FieldError> errors, String field, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || values.get(i).isBlank()) {
                errors.add(new FieldError(field + "[" + i + "]", "must not be empty"));
            }
        }
    }

    private static void channel(List<FieldError> errors, String field, Subscription.Channel channel) {
        if (channel == null || channel.type() == null || !CHANNELS.contains(channel.type())) {
            errors.add(new FieldError(field + ".type", "must be one of webhook, slack, teams, email, sse, atom"));
            return;
        }
        String target = channel.target() == null ? "" : channel.target().strip();
        switch (channel.type()) {
            case "webhook", "slack", "teams" -> {
                if (!isHttpUrl(target)) {
                    errors.add(new FieldError(field + ".target", "must be an http(s) URL to POST alerts to"));
                }
            }
            case "email" -> {
                if (!target.matches("[^@\\s]+@[^@\\s]+")) {
                    errors.add(new FieldError(field + ".target", "must be an email address such as analyst@example.org"));
                }
            }
            default -> {
                // sse and atom are pulled by the subscriber: nothing to check.
            }
        }
    }

    private static boolean isHttpUrl(String target) {
        try {
            URI uri = new URI(target);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
