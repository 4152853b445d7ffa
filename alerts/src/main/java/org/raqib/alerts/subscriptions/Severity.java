package org.raqib.alerts.subscriptions;

import java.util.List;
import java.util.Locale;

/** The order of rule severities, {@code low < medium < high < critical}. */
final class Severity {

    static final List<String> LEVELS = List.of("low", "medium", "high", "critical");

    private Severity() {}

    /** The rank of {@code severity}; unknown severities rank as {@code low} so they are never silently dropped. */
    static int rank(String severity) {
        int rank = severity == null ? -1 : LEVELS.indexOf(severity.toLowerCase(Locale.ROOT));
        return Math.max(rank, 0);
    }
}
