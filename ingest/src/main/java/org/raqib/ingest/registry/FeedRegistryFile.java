package org.raqib.ingest.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.raqib.core.config.ConfigLoader;
import org.raqib.core.model.FeedDefinition;

/**
 * Reads feed definitions from YAML and validates them, reporting every problem at once:
 *
 * <pre>
 * feeds:
 *   - id: aljazeera            # required, [a-z0-9][a-z0-9._-]*, unique in the file
 *     url: https://…/rss.xml    # required, http(s) with a host
 *     title: الجزيرة نت
 *     source: aljazeera          # defaults to the id
 *     lang: ar
 *     tags: [pan-arab]
 *     minInterval: 2m            # 1s to 1d, default 1m
 *     maxInterval: 30m           # minInterval to 7d, default 30m
 *     fullText: false
 *     allowPrivate: false
 * </pre>
 */
public final class FeedRegistryFile {

    /** The default feed list shipped with Raqib. */
    public static final String DEFAULT_RESOURCE = "/org/raqib/ingest/registry/default-feeds.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> FIELDS = Set.of("id", "url", "title", "source", "lang", "tags", "minInterval",
            "maxInterval", "fullText", "allowPrivate", "note");
    private static final Duration SHORTEST = Duration.ofSeconds(1);
    private static final Duration LONGEST_MIN = Duration.ofDays(1);
    private static final Duration LONGEST_MAX = Duration.ofDays(7);

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** Reads and validates {@code file}. */
    public List<FeedDefinition> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads and validates the default feed list shipped with Raqib. */
    public List<FeedDefinition> readDefaults() throws IOException {
        try (InputStream in = FeedRegistryFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IOException("the default feed list " + DEFAULT_RESOURCE + " is missing from the jar");
            }
            return read(in, "default-feeds.yaml");
        }
    }

    /**
     * Reads and validates YAML from {@code in}.
     *
     * @param name how to call the source in messages
     * @throws FeedRegistryException listing every problem
     */
    public List<FeedDefinition> read(InputStream in, String name) throws IOException {
        JsonNode root;
        try {
            root = yaml.readTree(in);
        } catch (JsonProcessingException e) {
            throw new FeedRegistryException(name, List.of("not readable YAML: " + e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        JsonNode list = root == null ? null : root.get("feeds");
        if (list == null || !list.isArray()) {
            throw new FeedRegistryException(name, List.of("expected a top-level 'feeds:' list"));
        }
        List<FeedDefinition> feeds = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                problems.add("feeds[" + i + "]: must be a mapping with id and url");
                continue;
            }
            String id = text(node, "id");
            String where = "feeds[" + i + "]" + (id.isEmpty() ? "" : " (" + id + ")");
            int before = problems.size();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                if (!FIELDS.contains(field)) {
                    problems.add(where + ": unknown field '" + field + "'; known fields are " + FIELDS);
                }
            }
            if (!ID.matcher(id).matches()) {
                problems.add(where + ": id must be lower-case letters, digits, '.', '_' or '-', got '" + id + "'");
            } else if (!ids.add(id)) {
                problems.add(where + ": id '" + id + "' is used by another feed; ids must be unique");
            }
            String url = text(node, "url");
            checkUrl(url).ifPresent(p -> problems.add(where + ": " + p));
            Duration min = duration(node, "minInterval", Duration.ofMinutes(1), where, problems);
            Duration max = duration(node, "maxInterval", Duration.ofMinutes(30), where, problems);
            if (min != null && (min.compareTo(SHORTEST) < 0 || min.compareTo(LONGEST_MIN) > 0)) {
                problems.add(where + ": minInterval must be between 1s and 1d, got " + min);
            }
            if (min != null && max != null && (max.compareTo(min) < 0 || max.compareTo(LONGEST_MAX) > 0)) {
                problems.add(where + ": maxInterval must be between minInterval and 7d, got " + max);
            }
            List<String> tags = new ArrayList<>();
            JsonNode tagNode = node.get("tags");
            if (tagNode != null && !tagNode.isNull()) {
                if (!tagNode.isArray()) {
                    problems.add(where + ": tags must be a list");
                } else {
                    tagNode.forEach(t -> tags.add(t.asText()));
                }
            }
            boolean fullText = flag(node, "fullText", where, problems);
            boolean allowPrivate = flag(node, "allowPrivate", where, problems);
            if (problems.size() == before) {
                feeds.add(new FeedDefinition(id, url, blankToNull(text(node, "title")),
                        blankToNull(text(node, "source")), blankToNull(text(node, "lang")), tags, min, max,
                        fullText, allowPrivate));
            }
        }
        if (!problems.isEmpty()) {
            throw new FeedRegistryException(name, problems);
        }
        return List.copyOf(feeds);
    }

    /** Why {@code url} is not a usable feed address, if it is not. */
    static Optional<String> checkUrl(String url) {
        if (url.isEmpty()) {
            return Optional.of("url is required");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of("url must be http(s), got '" + url + "'");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return Optional.of("url must name a host, got '" + url + "'");
            }
            if (uri.getRawUserInfo() != null) {
                return Optional.of("url must not carry a user name or password, got '" + url + "'");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("url is not a valid address: " + e.getMessage());
        }
    }

    private static Duration duration(JsonNode node, String field, Duration fallback, String where, List<String> problems) {
        String text = text(node, field);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return ConfigLoader.parseDuration(text);
        } catch (RuntimeException e) {
            problems.add(where + ": " + field + " '" + text + "' is not a duration such as 30s, 5m, 2h");
            return null;
        }
    }

    private static boolean flag(JsonNode node, String field, String where, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problems.add(where + ": " + field + " must be true or false, got '" + value.asText() + "'");
            return false;
        }
        return value.booleanValue();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText().strip();
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
