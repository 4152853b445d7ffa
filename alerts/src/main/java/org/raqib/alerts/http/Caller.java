package org.raqib.alerts.http;

import java.util.Objects;

/**
 * Who made a request, from their bearer token.
 *
 * @param name {@code admin}, or the subscriber's name (the owner of their subscriptions)
 * @param admin whether the token has the admin scope (everything)
 */
public record Caller(String name, boolean admin) {

    public Caller {
        Objects.requireNonNull(name, "name");
    }

    /** The authenticated caller of an {@code /api} request, for routes that other modules add as plug-ins. */
    public static Caller of(io.javalin.http.Context ctx) {
        return Callers.of(ctx);
    }

    /** Whether this caller may see and change what {@code owner} owns. */
    public boolean mayAccess(String owner) {
        return admin || name.equals(owner);
    }
}
