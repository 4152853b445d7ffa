package org.raqib.alerts.http;

import io.javalin.http.Context;
import java.util.Locale;

/** Reads and stores the {@link Caller} of a request. */
final class Callers {

    private static final String ATTRIBUTE = "raqib.caller";

    private Callers() {}

    /**
     * Resolves the bearer token of {@code ctx} — the {@code Authorization: Bearer} header, or the {@code token}
     * query parameter for clients that cannot set headers (EventSource, feed readers) — and remembers the caller.
     */
    static void authenticate(Context ctx, AccessTokens tokens) {
        String header = ctx.header("Authorization");
        String token = null;
        if (header != null && header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            token = header.substring("bearer ".length()).strip();
        } else if (ctx.queryParam("token") != null) {
            token = ctx.queryParam("token");
        }
        if (token == null) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "send 'Authorization: Bearer <token>'; the admin token is in the file "
                    + "named by alerts.adminTokenFile");
        }
        Caller caller = tokens.resolve(token).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return new ApiException(401, "unknown token; use the admin token or one of alerts.subscriberTokens");
        });
        ctx.attribute(ATTRIBUTE, caller);
    }

    /** The caller {@link #authenticate} stored. */
    static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new ApiException(401, "send 'Authorization: Bearer <token>'");
        }
        return caller;
    }
}
