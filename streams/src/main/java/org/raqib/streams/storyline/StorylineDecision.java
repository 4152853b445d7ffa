package org.raqib.streams.storyline;

import java.util.List;
import org.raqib.core.model.EntityHit;

/**
 * The first version of the default storyline rule (the rule language will later express it).
 *
 * <p>An article is in the Sahel–Libya storyline when it names at least one Libyan actor (an entity of side
 * {@code libya}: the country, its cities, bases, institutions and people) and at least one Sahel actor (side
 * {@code sahel}: Niger, Mali, Burkina Faso, Chad, Sudan, their cities and people, the AES, the Sahel region, the
 * cross-border armed groups). That covers STORYLINE.md's three cases: contact between the two sides, Russian forces
 * acting across both (an article about them counts only when it names both sides), and the cross-border space
 * (routes, trafficking, crossings) when a place or actor of each side is named. Russia, Algeria and other external
 * entities never make an article belong by themselves. Only mentions the recogniser is reasonably sure of count
 * (confidence at least {@value #MIN_CONFIDENCE}), so a fuzzy or weakly-supported word cannot pull an article in
 * alone. Stateless and thread-safe.
 */
public final class StorylineDecision {

    /** The lowest mention confidence that counts towards the decision. */
    public static final double MIN_CONFIDENCE = 0.7;

    /** Whether the article with these entities, title and body belongs to the storyline. */
    public boolean inStoryline(List<EntityHit> hits, String title, String body) {
        boolean libya = false;
        boolean sahel = false;
        for (EntityHit hit : hits) {
            if (!counts(hit)) {
                continue;
            }
            libya |= hit.side().equals("libya");
            sahel |= hit.side().equals("sahel");
        }
        return libya && sahel;
    }

    private static boolean counts(EntityHit hit) {
        return hit.mentions().stream().anyMatch(m -> m.confidence() >= MIN_CONFIDENCE);
    }
}
