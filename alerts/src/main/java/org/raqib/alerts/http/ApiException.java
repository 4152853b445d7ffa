package org.raqib.alerts.http;

/**
 * A request the API refuses, with the HTTP status and a message telling the caller what to do; rendered as
 * {@code {"error": message}}.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /** A refusal with {@code status} and {@code message}. */
    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }
}
