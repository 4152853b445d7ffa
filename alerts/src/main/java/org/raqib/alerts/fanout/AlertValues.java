package org.raqib.alerts.fanout;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.raqib.core.json.Json;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Alert;
import org.raqib.core.model.Match;

/**
 * The {@code raqib.alerts} record values of one match's alerts, byte for byte what {@link Topics#ALERTS}'s serde
 * writes, with the match's JSON written once and copied into each. Every alert embeds its whole match (entities with
 * mentions, rules, snippet), and a match wanted by a thousand subscriptions was written a thousand times: that was
 * nearly all of the fan-out's CPU time. Only the alert's own four fields are written per alert.
 *
 * <p>Not thread-safe; one per match, on the fan-out thread.
 */
public final class AlertValues {

    private static final ObjectMapper MAPPER = Json.mapper();

    private final Match match;
    private final SerializableString matchJson;

    /** Values for alerts of {@code match}; its JSON is written here, once. */
    public AlertValues(Match match) {
        this.match = Objects.requireNonNull(match, "match");
        // Written by the mapper's byte generator, as the serde writes it (it escapes what a string writer would not,
        // such as surrogate pairs); the text of those bytes encodes back to them, and SerializedString keeps that
        // encoding after its first use, so the match is encoded once too.
        this.matchJson = new SerializedString(new String(Json.writeBytes(match), StandardCharsets.UTF_8));
    }

    /** The record value of {@code alert}, which must be an alert of this match (the same instance). */
    public byte[] of(Alert alert) {
        if (alert.match() != match) {
            throw new IllegalArgumentException("alert " + alert.id() + " is not of match " + match.articleId()
                    + " that these values were made for");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(matchJson.charLength() + 256);
        // The mapper's own generator and serialisers, field by field in the record's order, as it writes an Alert.
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("id", alert.id());
            json.writeStringField("subscriptionId", alert.subscriptionId());
            json.writeStringField("kind", alert.kind());
            json.writeFieldName("createdAt");
            MAPPER.writeValue(json, alert.createdAt());
            json.writeFieldName("match");
            json.writeRawValue(matchJson);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write alert " + alert.id() + " as JSON", e);
        }
        return out.toByteArray();
    }
}
