package org.raqib.core.model;

import java.time.Instant;

/**
 * How often an entity is mentioned, or a rule matches, in one hour or one day, against its recent baseline; the
 * value of {@code raqib.trends} (keyed by {@code subject:id:window}, for example {@code entity:LY:hour}).
 *
 * @param subject {@code entity} or {@code rule}
 * @param id the entity or rule id
 * @param window {@code hour} or {@code day}
 * @param windowStart start of the window
 * @param count mentions (entities) or matches (rules) in the window so far
 * @param baseline mean count of the preceding windows (24 hours, or 14 days)
 * @param spike whether the count jumped well above the baseline (see {@code DetectSpikes})
 */
public record Trend(String subject, String id, String window, Instant windowStart, long count, double baseline,
        boolean spike) {}
