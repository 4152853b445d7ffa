package org.raqib.ingest.parse;

/** A body is not a feed that can be read; the message says what is wrong with it. */
public final class FeedParseException extends Exception {

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
