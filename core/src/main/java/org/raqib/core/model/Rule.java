package org.raqib.core.model;

import java.util.List;
import java.util.Objects;

/**
 * An analyst's rule as stored in the compacted {@code raqib.rules} topic (keyed by id; a null value
 * deletes it). {@code query} is in the rule language documented in {@code docs/rules.md}.
 *
 * @param id stable rule id, letters, digits, '-', '_' and '.'
 * @param name human name
 * @param description what the rule is for
 * @param severity {@code low}, {@code medium}, {@code high} or {@code critical}
 * @param query the rule's query text
 * @param tags free tags
 */
public record Rule(String id, String name, String description, String severity, String query, List<String> tags) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(query, "query");
        name = name == null ? id : name;
        description = description == null ? "" : description;
        severity = severity == null ? "medium" : severity;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
