package org.raqib.streams.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.raqib.core.model.Match;
import org.raqib.core.model.Story;
import org.raqib.streams.topology.PipelineQueries.Recent;

/**
 * Merges the answers of several instances into one, as if one instance held every partition: newest first, each
 * item once, the limit applied to the merged list. Each instance's answer is already limited, so the merged list
 * holds the newest {@code limit} of the whole application.
 */
public final class QueryMerge {

    /** The order of stories in answers: the most recently active first, then by id, so ties are stable. */
    public static final Comparator<Story> NEWEST_STORY_FIRST =
            Comparator.comparing(Story::lastSeen).reversed().thenComparing(Story::id);

    private QueryMerge() {}

    /**
     * The newest {@code limit} matches of all {@code answers}, newest first. Every instance's store keys sort newest
     * first, so the answers merge by key; an article matched again (a copy re-processed later) appears once, at its
     * newest place.
     */
    public static List<Match> recentMatches(Collection<List<Recent>> answers, int limit) {
        List<Recent> all = new ArrayList<>();
        answers.forEach(all::addAll);
        all.sort(Comparator.comparing(Recent::order));
        Set<String> seen = new HashSet<>();
        List<Match> merged = new ArrayList<>(Math.min(limit, all.size()));
        for (Recent recent : all) {
            if (merged.size() == limit) {
                break;
            }
            if (seen.add(recent.match().articleId())) {
                merged.add(recent.match());
            }
        }
        return merged;
    }

    /**
     * The {@code limit} most recently active stories of all {@code answers}. A story is kept by one instance, but
     * during a hand-over two may both report it: the later-seen version wins.
     */
    public static List<Story> stories(Collection<List<Story>> answers, int limit) {
        Map<String, Story> byId = new LinkedHashMap<>();
        answers.forEach(list -> list.forEach(story -> byId.merge(story.id(), story, QueryMerge::later)));
        return byId.values().stream().sorted(NEWEST_STORY_FIRST).limit(limit).toList();
    }

    /** The latest version of the story among {@code answers}, if any instance had it. */
    public static Optional<Story> story(Collection<Optional<Story>> answers) {
        return answers.stream().flatMap(Optional::stream).reduce(QueryMerge::later);
    }

    private static Story later(Story a, Story b) {
        int byTime = a.lastSeen().compareTo(b.lastSeen());
        if (byTime != 0) {
            return byTime > 0 ? a : b;
        }
        return a.articleIds().size() >= b.articleIds().size() ? a : b;
    }
}
