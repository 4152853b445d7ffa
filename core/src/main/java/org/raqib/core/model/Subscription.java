package org.raqib.core.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A subscriber's standing request for alerts, the value of the compacted {@code raqib.subscriptions}
 * topic (keyed by id; a null value removes it).
 *
 * @param id stable subscription id
 * @param owner the token name that owns it
 * @param name human name
 * @param rules rule ids wanted (empty: any)
 * @param entities entity ids wanted (empty: any)
 * @param sides sides wanted (empty: any)
 * @param storylineOnly only matches of the storyline rule
 * @param minScore lowest rule score that counts
 * @param channels where to deliver
 * @param sources publishing outlets wanted (empty: any)
 * @param languages language tags wanted (empty: any)
 * @param minSeverity lowest rule severity that counts ({@code low}, {@code medium}, {@code high} or
 *     {@code critical}); {@code low} when absent
 * @param secret per-subscription secret signing its webhooks (Standard Webhooks, base64); empty when it has none
 * @param digestEvery for email: send one digest per this interval (ISO-8601, e.g. {@code PT1H}) instead of one
 *     mail per alert; null for immediate
 * @param maxPerHour for email: most mails per hour; later alerts fold into a digest at the next hour (0: no cap)
 */
public record Subscription(
        String id,
        String owner,
        String name,
        List<String> rules,
        List<String> entities,
        List<String> sides,
        boolean storylineOnly,
        double minScore,
        List<Channel> channels,
        List<String> sources,
        List<String> languages,
        String minSeverity,
        String secret,
        Duration digestEvery,
        int maxPerHour) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        owner = owner == null ? "admin" : owner;
        name = name == null ? id : name;
        rules = rules == null ? List.of() : List.copyOf(rules);
        entities = entities == null ? List.of() : List.copyOf(entities);
        sides = sides == null ? List.of() : List.copyOf(sides);
        channels = channels == null ? List.of() : List.copyOf(channels);
        sources = sources == null ? List.of() : List.copyOf(sources);
        languages = languages == null ? List.of() : List.copyOf(languages);
        minSeverity = minSeverity == null ? "low" : minSeverity;
        secret = secret == null ? "" : secret;
    }

    /**
     * One delivery channel.
     *
     * @param type {@code webhook}, {@code slack}, {@code teams}, {@code email}, {@code sse} or {@code atom}
     * @param target URL for webhooks and chat presets, address for email, empty otherwise
     */
    public record Channel(String type, String target) {}
}
