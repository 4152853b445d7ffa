package org.raqib.alerts.http;

import io.javalin.http.Context;
import org.raqib.core.json.Json;

/** Writes JSON with the project's mapper (ISO-8601 times, the records' field names). */
final class Responses {

    private Responses() {}

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(body));
    }
}
