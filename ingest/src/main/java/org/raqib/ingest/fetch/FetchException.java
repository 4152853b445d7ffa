package org.raqib.ingest.fetch;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A fetch that did not produce a usable response; {@link #kind()} is a bounded metric tag. */
public final class FetchException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a fetch failed. */
    public enum Kind {
        /** The address (or a redirect's, or a resolved one) is not allowed. */
        BLOCKED,
        /** The host name could not be resolved. */
        DNS,
        /** Connecting or reading took longer than allowed. */
        TIMEOUT,
        /** The response (or its decompressed form) is larger than allowed. */
        TOO_LARGE,
        /** Too many redirects, a redirect loop, or a redirect without a usable Location. */
        REDIRECT,
        /** The server answered 429 or 503. */
        THROTTLED,
        /** The server answered another non-success status. */
        HTTP_STATUS,
        /** The body could not be decompressed. */
        ENCODING,
        /** Any other network failure. */
        NETWORK,
        /** The body was fetched but is not a readable feed. */
        PARSE
    }

    private final Kind kind;
    private final transient Duration retryAfter;

    /** A failure of {@code kind}. */
    public FetchException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    /** A failure of {@code kind} with the server's Retry-After (may be null) and cause (may be null). */
    public FetchException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = retryAfter;
    }

    /** Why it failed. */
    public Kind kind() {
        return kind;
    }

    /** How long the server asked us to wait, when it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
