package org.raqib.ingest.registry;

import java.util.List;

/** A feed file that cannot be used; the message lists every problem, each naming the feed and the field. */
public final class FeedRegistryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** A file with these problems. */
    public FeedRegistryException(String source, List<String> problems) {
        super("invalid feed file " + source + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one line each. */
    public List<String> problems() {
        return problems;
    }
}
