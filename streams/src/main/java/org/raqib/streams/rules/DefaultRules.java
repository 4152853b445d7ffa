package org.raqib.streams.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.raqib.core.model.Rule;

/**
 * The rule pack shipped with Raqib: the storyline rule (id {@value #STORYLINE}, whose hit puts an article in the
 * Sahel–Libya storyline) and the watch rules a Sahel–Libya analyst starts with. The YAML lives in
 * {@code org/raqib/streams/rules/default/} on the class path.
 */
public final class DefaultRules {

    /** The id of the rule that decides {@code storyline: true}. */
    public static final String STORYLINE = "storyline";

    /** The pack's files, in load order. */
    static final List<String> FILES = List.of("storyline.yaml", "watch.yaml");

    private static final String FOLDER = "/org/raqib/streams/rules/default/";

    private DefaultRules() {}

    /**
     * The default rules, in file order.
     *
     * @throws IllegalStateException when the shipped pack is missing or invalid (a build problem, not a user's)
     */
    public static List<Rule> load() {
        List<Rule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String file : FILES) {
            RuleFiles.Loaded loaded = RuleFiles.parse(resource(file), FOLDER.substring(1) + file);
            rules.addAll(loaded.rules());
            problems.addAll(loaded.problems());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the default rule pack is invalid: " + String.join("; ", problems));
        }
        return List.copyOf(rules);
    }

    /** The storyline rule alone. */
    public static Rule storyline() {
        return load().stream().filter(r -> r.id().equals(STORYLINE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the default rule pack has no '" + STORYLINE + "' rule"));
    }

    private static String resource(String file) {
        try (InputStream in = DefaultRules.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("the default rule file " + FOLDER + file
                        + " is missing from the class path; rebuild raqib-streams");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default rule file " + file, e);
        }
    }
}
