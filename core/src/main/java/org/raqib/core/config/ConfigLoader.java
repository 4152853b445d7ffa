package org.raqib.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the configuration: the bundled defaults, then {@code raqib.yaml} (or the file given), then environment
 * variables, then explicit overrides (command-line options), bound into a {@link RaqibConfig}.
 *
 * <p>Every scalar key {@code a.bKey} can be set by the environment variable {@code RAQIB_A_B_KEY}; in addition
 * {@code KAFKA_BOOTSTRAP_SERVERS} sets {@code kafka.bootstrapServers}. Binding collects every problem (unknown
 * key, wrong type, value out of range) and throws one {@link ConfigException} naming each key, so a user fixes
 * the file once rather than once per error.
 */
public final class ConfigLoader {

    /** The file read when none is given and it exists in the working directory. */
    public static final Path DEFAULT_FILE = Path.of("raqib.yaml");

    private static final String DEFAULTS = "defaults.yaml";
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());

    private final Map<String, String> environment;

    /** A loader that reads the process environment. */
    public ConfigLoader() {
        this(System.getenv());
    }

    /** A loader that reads {@code environment} instead of the process environment (for tests). */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Loads the configuration.
     *
     * @param file the YAML file; when empty, {@link #DEFAULT_FILE} if it exists, else defaults only
     * @param overrides dotted keys to values, applied last (for command-line options)
     * @throws ConfigException naming every invalid key
     */
    public RaqibConfig load(Optional<Path> file, Map<String, String> overrides) {
        Optional<Path> source = file.or(() -> Files.isRegularFile(DEFAULT_FILE) ? Optional.of(DEFAULT_FILE) : Optional.empty());
        return loadTree(source.map(ConfigLoader::readFile), overrides);
    }

    private RaqibConfig loadDefaultsOnly() {
        return loadTree(Optional.empty(), Map.of());
    }

    private RaqibConfig loadTree(Optional<JsonNode> file, Map<String, String> overrides) {
        ObjectNode tree = defaults();
        file.ifPresent(node -> merge(tree, node));
        List<String> problems = new ArrayList<>();
        for (String key : scalarKeys()) {
            String value = environment.get(environmentVariable(key));
            if (value != null) {
                set(tree, key, value, problems);
            }
        }
        String bootstrap = environment.get("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap != null) {
            set(tree, "kafka.bootstrapServers", bootstrap, problems);
        }
        overrides.forEach((key, value) -> set(tree, key, value, problems));
        RaqibConfig config = bind(RaqibConfig.class, tree, "", problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    /** Loads the defaults alone, for tests and tools. */
    public static RaqibConfig defaultConfig() {
        return new ConfigLoader(Map.of()).loadDefaultsOnly();
    }

    /** Every scalar key of the configuration tree, dotted, in declaration order: what docs/configuration.md documents. */
    public static List<String> scalarKeys() {
        List<String> keys = new ArrayList<>();
        collectKeys(RaqibConfig.class, "", keys);
        return keys;
    }

    /** The environment variable that sets {@code key}: {@code streams.applicationId} is {@code RAQIB_STREAMS_APPLICATION_ID}. */
    public static String environmentVariable(String key) {
        String snake = key.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        return "RAQIB_" + snake.toUpperCase(Locale.ROOT);
    }

    private static void collectKeys(Class<?> type, String prefix, List<String> keys) {
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + component.getName();
            if (component.getType().isRecord()) {
                collectKeys(component.getType(), key + ".", keys);
            } else {
                keys.add(key);
            }
        }
    }

    private static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + DEFAULTS + " is missing from the classpath");
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + DEFAULTS, e);
        }
    }

    private static JsonNode readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(List.of("config file " + file + " does not exist or is not a file"));
        }
        try {
            if (Files.size(file) > 1_000_000) {
                throw new ConfigException(List.of("config file " + file + " is larger than 1 MB"));
            }
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(List.of("config file " + file + " must be a YAML mapping of keys to values"));
            }
            return node;
        } catch (IOException e) {
            throw new ConfigException(List.of("config file " + file + " is not valid YAML: " + e.getMessage()));
        }
    }

    /** Deep-merges {@code overlay} into {@code base}: mappings merge, everything else replaces. */
    private static void merge(ObjectNode base, JsonNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
                merge(existingObject, field.getValue());
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void set(ObjectNode tree, String key, String value, List<String> problems) {
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode childObject)) {
                problems.add(key + ": unknown key");
                return;
            }
            node = childObject;
        }
        node.put(parts[parts.length - 1], value);
    }

    private static <T> T bind(Class<T> type, JsonNode node, String prefix, List<String> problems) {
        if (!node.isObject()) {
            problems.add(prefix.isEmpty() ? "configuration must be a mapping" : prefix + ": must be a mapping of keys to values");
            return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        for (RecordComponent component : components) {
            byName.put(component.getName(), component);
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!byName.containsKey(name)) {
                problems.add(prefix + name + ": unknown key (known keys here: " + String.join(", ", byName.keySet()) + ")");
            }
        });
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        int before = problems.size();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            String key = prefix + component.getName();
            JsonNode child = node.get(component.getName());
            if (child == null || child.isNull()) {
                problems.add(key + ": missing");
                continue;
            }
            values[i] = convert(component.getGenericType(), child, key, problems);
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            String message = e.getCause() == null ? e.toString() : e.getCause().getMessage();
            problems.add((prefix.isEmpty() ? "" : prefix) + message);
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static Object convert(Type genericType, JsonNode node, String key, List<String> problems) {
        Class<?> raw = genericType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) genericType;
        if (raw.isRecord()) {
            return bind(raw, node, key + ".", problems);
        }
        if (raw == List.class) {
            if (!node.isArray()) {
                problems.add(key + ": must be a list");
                return null;
            }
            Type element = ((ParameterizedType) genericType).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                list.add(convert(element, node.get(i), key + "[" + i + "]", problems));
            }
            return list;
        }
        if (raw == Map.class) {
            if (!node.isObject()) {
                problems.add(key + ": must be a mapping");
                return null;
            }
            Map<String, String> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isContainerNode()) {
                    problems.add(key + "." + e.getKey() + ": must be a plain value");
                } else {
                    map.put(e.getKey(), e.getValue().asText());
                }
            });
            return map;
        }
        if (node.isContainerNode()) {
            problems.add(key + ": must be a plain value, not a " + (node.isArray() ? "list" : "mapping"));
            return null;
        }
        String text = node.asText().strip();
        try {
            if (raw == String.class) {
                return node.asText();
            }
            if (raw == int.class || raw == Integer.class) {
                return Integer.parseInt(text);
            }
            if (raw == long.class || raw == Long.class) {
                return Long.parseLong(text);
            }
            if (raw == double.class || raw == Double.class) {
                return Double.parseDouble(text);
            }
            if (raw == boolean.class || raw == Boolean.class) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException();
                }
                return Boolean.parseBoolean(text);
            }
            if (raw == Duration.class) {
                return parseDuration(text);
            }
            if (raw.isEnum()) {
                for (Object constant : raw.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equalsIgnoreCase(text.replace('-', '_'))) {
                        return constant;
                    }
                }
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            problems.add(key + ": '" + text + "' is not " + describe(raw));
            return null;
        }
        throw new IllegalStateException("unsupported configuration type " + raw + " at " + key);
    }

    /** Parses {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT30S}). */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 30s, 5m or 2h", e);
        }
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "a duration such as 30s, 5m or 2h";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                names.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
            }
            return "one of " + String.join(", ", names);
        }
        return "a " + type.getSimpleName();
    }
}
