package org.raqib.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raqib.streams.query.QueryFixtures.recent;
import static org.raqib.streams.query.QueryFixtures.story;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.raqib.core.model.Match;
import org.raqib.core.model.Story;

class QueryMergeTest {

    @Test
    void interleavesRecentMatchesOfEveryInstanceNewestFirst() {
        List<Match> merged = QueryMerge.recentMatches(List.of(
                List.of(recent("a9", 9), recent("a5", 5), recent("a1", 1)),
                List.of(recent("b8", 8), recent("b2", 2))), 10);

        assertThat(merged).extracting(Match::articleId).containsExactly("a9", "b8", "a5", "b2", "a1");
    }

    @Test
    void appliesTheLimitAfterMerging() {
        List<Match> merged = QueryMerge.recentMatches(List.of(
                List.of(recent("a9", 9), recent("a5", 5)),
                List.of(recent("b8", 8), recent("b7", 7))), 3);

        assertThat(merged).extracting(Match::articleId).containsExactly("a9", "b8", "b7");
    }

    @Test
    void keepsAnArticleMatchedTwiceOnceAtItsNewestPlace() {
        List<Match> merged = QueryMerge.recentMatches(List.of(
                List.of(recent("x", 9), recent("a", 5)),
                List.of(recent("b", 8), recent("x", 2))), 10);

        assertThat(merged).extracting(Match::articleId).containsExactly("x", "b", "a");
    }

    @Test
    void mergesNothingIntoNothing() {
        assertThat(QueryMerge.recentMatches(List.of(), 5)).isEmpty();
        assertThat(QueryMerge.recentMatches(List.of(List.of(), List.of()), 5)).isEmpty();
        assertThat(QueryMerge.stories(List.of(List.of()), 5)).isEmpty();
        assertThat(QueryMerge.story(List.of(Optional.empty(), Optional.empty()))).isEmpty();
    }

    @Test
    void ordersStoriesOfEveryInstanceByLatestActivityThenIdAndLimitsTheMergedList() {
        List<Story> merged = QueryMerge.stories(List.of(
                List.of(story("s3", 30), story("s1", 10)),
                List.of(story("s4", 40), story("s2", 10), story("s0", 5))), 4);

        assertThat(merged).extracting(Story::id).containsExactly("s4", "s3", "s1", "s2");
    }

    @Test
    void reportsAStoryTwoInstancesBothHoldOnceInItsLatestVersion() {
        List<Story> merged = QueryMerge.stories(List.of(
                List.of(story("s1", 10, "a")),
                List.of(story("s1", 20, "a", "b"), story("s2", 15))), 10);

        assertThat(merged).extracting(Story::id).containsExactly("s1", "s2");
        assertThat(merged.get(0).articleIds()).containsExactly("a", "b");
    }

    @Test
    void picksTheStoryFromWhicheverInstanceHasIt() {
        assertThat(QueryMerge.story(List.of(Optional.empty(), Optional.of(story("s1", 10)))))
                .hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("s1"));
        assertThat(QueryMerge.story(List.of(Optional.of(story("s1", 10, "a")), Optional.of(story("s1", 10, "a", "b")))))
                .hasValueSatisfying(s -> assertThat(s.articleIds()).containsExactly("a", "b"));
    }
}
