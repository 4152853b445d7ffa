package org.raqib.streams.match;

/**
 * What one run of {@link JsonlMatcher#match} did.
 *
 * @param lines input lines read
 * @param errors lines answered with an error object instead of a result
 * @param inStoryline results whose article belongs to the storyline
 */
public record MatchSummary(long lines, long errors, long inStoryline) {
}
