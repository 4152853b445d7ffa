package org.raqib.streams.storyline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Mention;

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
 * alone.
 *
 * <p>A news digest (a body of several lines, each a separate item introduced by a place and a colon, such as
 * "ليبيا: …" then "بوركينا فاسو: …") tells unrelated stories side by side, so there both sides must be named in the
 * title or in one and the same line. Stateless and thread-safe.
 */
public final class StorylineDecision {

    /** The lowest mention confidence that counts towards the decision. */
    public static final double MIN_CONFIDENCE = 0.7;

    private static final int DIGEST_LABEL_WIDTH = 40;
    private static final int TITLE_LINE = -1;

    /** Whether the article with these entities, title and body belongs to the storyline. */
    public boolean inStoryline(List<EntityHit> hits, String title, String body) {
        boolean libya = false;
        boolean sahel = false;
        for (EntityHit hit : hits) {
            libya |= hit.side().equals("libya") && counts(hit);
            sahel |= hit.side().equals("sahel") && counts(hit);
        }
        if (!libya || !sahel) {
            return false;
        }
        String text = body == null ? "" : body;
        return !isDigest(text) || bothSidesInOneLine(hits, text);
    }

    private static boolean counts(EntityHit hit) {
        return hit.mentions().stream().anyMatch(m -> m.confidence() >= MIN_CONFIDENCE);
    }

    private static boolean isDigest(String body) {
        List<String> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        if (lines.size() < 2) {
            return false;
        }
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0 || colon > DIGEST_LABEL_WIDTH) {
                return false;
            }
        }
        return true;
    }

    private static boolean bothSidesInOneLine(List<EntityHit> hits, String body) {
        Map<Integer, Integer> sidesByLine = new HashMap<>();
        for (EntityHit hit : hits) {
            int bit = hit.side().equals("libya") ? 1 : hit.side().equals("sahel") ? 2 : 0;
            if (bit == 0) {
                continue;
            }
            for (Mention m : hit.mentions()) {
                if (m.confidence() < MIN_CONFIDENCE) {
                    continue;
                }
                int line = m.field().equals("title") ? TITLE_LINE : lineOf(body, m.start());
                int sides = sidesByLine.merge(line, bit, (a, b) -> a | b);
                if (sides == 3) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int lineOf(String body, int offset) {
        int line = 0;
        for (int i = 0; i < offset && i < body.length(); i++) {
            if (body.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
