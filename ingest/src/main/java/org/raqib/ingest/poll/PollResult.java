package org.raqib.ingest.poll;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.raqib.core.model.Article;
import org.raqib.core.model.FeedState;
import org.raqib.ingest.fetch.FetchException;

/**
 * What one poll of one feed produced: the new articles and the feed's next state, to be published together.
 *
 * @param state the feed's state after this poll
 * @param articles new articles, in feed order
 * @param outcome how the poll went (a bounded metric tag)
 * @param error the failure's kind, when it failed
 */
public record PollResult(FeedState state, List<Article> articles, Outcome outcome, Optional<FetchException.Kind> error) {

    /** How a poll went. */
    public enum Outcome {
        /** New items were found. */
        NEW_ITEMS,
        /** The feed answered, but every item was already seen. */
        UNCHANGED,
        /** The server answered 304. */
        NOT_MODIFIED,
        /** The fetch or the feed failed; backoff applies. */
        ERROR
    }

    public PollResult {
        Objects.requireNonNull(state, "state");
        articles = List.copyOf(articles);
        Objects.requireNonNull(outcome, "outcome");
        error = error == null ? Optional.empty() : error;
    }
}
