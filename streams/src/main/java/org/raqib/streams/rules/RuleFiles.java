package org.raqib.streams.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.raqib.core.model.Rule;

/**
 * Reads rules from YAML: a file holding one rule, a list of rules, or several documents separated by {@code ---}; or
 * a folder of such files ({@code *.yaml}, {@code *.yml}, read in name order). Every rule is validated with
 * {@link RuleValidator}; query problems are reported at their line and column in the file.
 */
public final class RuleFiles {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final List<String> FIELDS = List.of("id", "name", "description", "severity", "query", "tags");

    private RuleFiles() {}

    /**
     * The rules read from a file or folder, and every problem found in them. Rules with problems are left out of
     * {@code rules}; callers that must not write a partial set check {@code problems} first.
     *
     * @param rules the valid rules, in file order
     * @param problems one sentence per problem, starting with the file name
     */
    public record Loaded(List<Rule> rules, List<String> problems) {
        public Loaded {
            rules = List.copyOf(rules);
            problems = List.copyOf(problems);
        }

        /** Whether every rule was read and is valid. */
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Reads {@code path}, a rule file or a folder of rule files.
     *
     * @throws UncheckedIOException when the path cannot be read
     * @throws IllegalArgumentException when the path does not exist or a folder holds no rule files
     */
    public static Loaded read(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("no such file or folder: " + path);
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                s.filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
                }).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("the folder " + path + " holds no .yaml or .yml rule files");
            }
        } else {
            files.add(path);
        }
        List<Rule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            Loaded one = parse(text, file.toString());
            problems.addAll(one.problems());
            for (Rule r : one.rules()) {
                String earlier = seen.putIfAbsent(r.id(), file.toString());
                if (earlier != null) {
                    problems.add(file + ": rule '" + r.id() + "' is also defined in " + earlier
                            + "; give each rule its own id");
                } else {
                    rules.add(r);
                }
            }
        }
        return new Loaded(rules, problems);
    }

    /**
     * Reads rules from YAML {@code text}; {@code origin} (a file name) starts every problem.
     */
    public static Loaded parse(String text, String origin) {
        List<Rule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t != JsonToken.START_OBJECT) {
                            problems.add(place(origin, p.currentTokenLocation())
                                    + "each list item must be a rule with id, name, severity and query");
                            p.skipChildren();
                            continue;
                        }
                        readRule(p, lines, origin, rules, problems);
                    }
                } else if (t == JsonToken.START_OBJECT) {
                    readRule(p, lines, origin, rules, problems);
                } else if (t != JsonToken.VALUE_NULL) {
                    problems.add(place(origin, p.currentTokenLocation())
                            + "expected a rule (id, name, severity, query) or a list of rules");
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(origin + (at == null ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": not valid YAML: " + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules from " + origin + ": " + e.getMessage(), e);
        }
        return new Loaded(rules, problems);
    }

    private static void readRule(JsonParser p, String[] lines, String origin, List<Rule> rules, List<String> problems)
            throws IOException {
        JsonLocation ruleAt = p.currentTokenLocation();
        Map<String, String> fields = new HashMap<>();
        List<String> tags = new ArrayList<>();
        JsonLocation queryAt = null;
        int before = problems.size();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            JsonLocation valueAt = p.currentTokenLocation();
            if (!FIELDS.contains(name)) {
                problems.add(place(origin, valueAt) + "unknown field '" + name + "'; a rule has "
                        + String.join(", ", FIELDS));
                p.skipChildren();
            } else if (name.equals("tags")) {
                if (value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (p.currentToken().isScalarValue()) {
                            tags.add(p.getText());
                        } else {
                            p.skipChildren();
                        }
                    }
                } else if (value.isScalarValue()) {
                    tags.add(p.getText());
                }
            } else if (value.isScalarValue()) {
                fields.put(name, value == JsonToken.VALUE_NULL ? null : p.getText());
                if (name.equals("query")) {
                    queryAt = valueAt;
                }
            } else {
                problems.add(place(origin, valueAt) + "'" + name + "' must be text, not a list or a mapping");
                p.skipChildren();
            }
        }
        String id = fields.get("id");
        if (id == null || id.isBlank()) {
            problems.add(place(origin, ruleAt) + "a rule has no id; add 'id:' (letters, digits, '.', '_', '-')");
            return;
        }
        String query = fields.get("query");
        if (query == null) {
            problems.add(place(origin, ruleAt) + "rule '" + id + "' has no query; add 'query:'");
            return;
        }
        Rule rule = new Rule(id.strip(), fields.get("name"), fields.get("description"),
                fields.get("severity") == null ? null : fields.get("severity").strip().toLowerCase(Locale.ROOT),
                query, tags);
        try {
            QueryParser.parse(rule.id(), query);
        } catch (RuleSyntaxException e) {
            problems.add(origin + ": " + placed(e, queryAt, lines).getMessage());
        }
        for (String problem : RuleValidator.problems(rule)) {
            if (!problem.startsWith("rule '" + rule.id() + "', line")) {
                problems.add(origin + ": " + problem);
            }
        }
        if (problems.size() == before) {
            rules.add(rule);
        }
    }

    /** Moves a query-relative error to the file: past a quote, or to the block scalar's first content line. */
    private static RuleSyntaxException placed(RuleSyntaxException e, JsonLocation queryAt, String[] lines) {
        if (queryAt == null) {
            return e;
        }
        int line = queryAt.getLineNr();
        int column = queryAt.getColumnNr();
        String source = line >= 1 && line <= lines.length ? lines[line - 1] : "";
        String rest = column - 1 < source.length() ? source.substring(column - 1) : "";
        if (rest.startsWith("|") || rest.startsWith(">")) {
            int next = line;
            while (next < lines.length && lines[next].isBlank()) {
                next++;
            }
            String content = next < lines.length ? lines[next] : "";
            int indent = content.length() - content.stripLeading().length();
            return e.placedAt(next + 1, indent + 1, indent);
        }
        if (rest.startsWith("\"") || rest.startsWith("'")) {
            return e.placedAt(line, column + 1, 0);
        }
        return e.placedAt(line, column, 0);
    }

    /** SnakeYAML's message without the echoed source lines and carets, so it fits on one line. */
    private static String oneLine(String message) {
        List<String> kept = new ArrayList<>();
        List<String> all = message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = 0; i < all.size(); i++) {
            String l = all.get(i);
            if (i == 0 || l.startsWith("expected") || l.startsWith("found") || l.startsWith("but")) {
                kept.add(l);
            }
        }
        return String.join(" ", kept);
    }

    private static String place(String origin, JsonLocation at) {
        return origin + ", line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    }
}
