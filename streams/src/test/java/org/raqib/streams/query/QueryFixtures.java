package org.raqib.streams.query;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.raqib.core.model.Match;
import org.raqib.core.model.Story;
import org.raqib.streams.topology.PipelineQueries.Recent;

/** Matches, stories and recent-store entries for query tests. */
final class QueryFixtures {

    static final Instant T0 = Instant.parse("2024-08-18T08:00:00Z");

    private QueryFixtures() {}

    /** A recent match of {@code articleId} recorded {@code minute} minutes after T0, keyed as the store keys it. */
    static Recent recent(String articleId, int minute) {
        long at = T0.plusSeconds(60L * minute).toEpochMilli();
        return new Recent(String.format(Locale.ROOT, "%019d|%s", Long.MAX_VALUE - at, articleId), match(articleId));
    }

    static Match match(String articleId) {
        return new Match(articleId, articleId, true, "source", "feed", "https://example.org/" + articleId, "title",
                "ar", T0, T0, T0, List.of(), List.of(), true, "");
    }

    static Story story(String id, int lastSeenMinute, String... articleIds) {
        return new Story(id, "title " + id, List.of(articleIds), List.of("source"), T0,
                T0.plusSeconds(60L * lastSeenMinute));
    }
}
