package org.raqib.streams.entities;

import java.util.List;

/** A gazetteer file that cannot be used; the message lists every problem with its file and line. */
public final class GazetteerException extends RuntimeException {

    private final List<String> problems;

    public GazetteerException(List<String> problems) {
        super("the gazetteer has " + problems.size() + " problem(s); fix them and reload:\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as one line: {@code file:line: what is wrong}. */
    public List<String> problems() {
        return problems;
    }
}
