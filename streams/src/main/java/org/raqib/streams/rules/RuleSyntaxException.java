package org.raqib.streams.rules;

import java.util.Locale;

/**
 * A rule an analyst wrote that Raqib cannot read. The message names the rule, the line and column (1-based, in the
 * rule file when the rule came from one, otherwise in the query) and what to change.
 */
public final class RuleSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String ruleId;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param ruleId the rule's id, or a placeholder such as {@code "(no id)"} when it has none yet
     * @param line 1-based line
     * @param column 1-based column
     * @param problem what is wrong and what to do, in an analyst's words
     */
    public RuleSyntaxException(String ruleId, int line, int column, String problem) {
        super(String.format(Locale.ROOT, "rule '%s', line %d, column %d: %s", ruleId, line, column, problem));
        this.ruleId = ruleId;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The rule's id. */
    public String ruleId() {
        return ruleId;
    }

    /** 1-based line. */
    public int line() {
        return line;
    }

    /** 1-based column. */
    public int column() {
        return column;
    }

    /** What is wrong, without the place. */
    public String problem() {
        return problem;
    }

    /**
     * The same problem placed in a rule file: the query's first line starts at {@code queryLine}, {@code queryColumn};
     * its later lines are indented by {@code indent} columns (a YAML block scalar strips that indentation).
     */
    RuleSyntaxException placedAt(int queryLine, int queryColumn, int indent) {
        int newLine = queryLine + line - 1;
        int newColumn = line == 1 ? queryColumn + column - 1 : indent + column;
        return new RuleSyntaxException(ruleId, newLine, newColumn, problem);
    }
}
