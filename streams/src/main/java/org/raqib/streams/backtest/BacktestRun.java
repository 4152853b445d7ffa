package org.raqib.streams.backtest;

import java.util.List;
import org.raqib.core.model.Match;
import org.raqib.core.model.Rule;

/**
 * What one set of rules produced over a backtest's articles.
 *
 * @param rules the rules the run used
 * @param matches what the topology wrote to its {@code raqib.matches} output, in output order
 * @param articles records read from the source
 * @param deadLetters records the topology dead-lettered (undecodable or failed analysis)
 */
public record BacktestRun(List<Rule> rules, List<Match> matches, long articles, long deadLetters) {

    public BacktestRun {
        rules = List.copyOf(rules);
        matches = List.copyOf(matches);
    }
}
