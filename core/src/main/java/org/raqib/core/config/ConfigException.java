package org.raqib.core.config;

import java.util.List;

/** The configuration cannot be used; {@link #problems()} names every key that is wrong and why. */
public final class ConfigException extends RuntimeException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(problems.size() == 1
                ? "invalid configuration: " + problems.get(0)
                : "invalid configuration:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
