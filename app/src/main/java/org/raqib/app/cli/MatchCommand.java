package org.raqib.app.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.raqib.core.model.Rule;
import org.raqib.streams.entities.EntityRecognizer;
import org.raqib.streams.entities.Gazetteer;
import org.raqib.streams.entities.GazetteerException;
import org.raqib.streams.match.JsonlMatcher;
import org.raqib.streams.match.MatchSummary;
import org.raqib.streams.match.RuleHits;
import org.raqib.streams.rules.DefaultRules;
import org.raqib.streams.rules.RuleBook;
import org.raqib.streams.rules.RuleFiles;
import org.raqib.streams.rules.TokenAnalysis;
import org.raqib.streams.storyline.StorylineDecision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code raqib match}: the offline recogniser. Reads JSONL articles (stdin by default) and writes one JSONL result
 * per line (stdout by default): entities with mentions, rule hits and the storyline verdict. Exit codes: 0 done
 * (bad lines are reported in the output and do not fail the run), 1 input or output failed, 2 invalid gazetteer,
 * rules or arguments.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Recognises storyline entities in JSONL articles ({\"id\",\"title\",\"body\",...} per line)"
                + " and writes one JSONL result per input line, in order."})
public final class MatchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", description = "JSONL input (default: standard input).")
    Path input;

    @Option(names = "--output", paramLabel = "FILE", description = "JSONL output (default: standard output).")
    Path output;

    @Option(names = "--rules", paramLabel = "PATH",
            description = "A rule file or folder (docs/rules.md); default: the bundled storyline pack. The pack's"
                    + " 'storyline' rule decides \"storyline\" (without one, the built-in decision does).")
    Path rules;

    @Option(names = "--gazetteer", paramLabel = "FILE",
            description = "A gazetteer TSV to use instead of the bundled one (same columns, see docs/quality.md).")
    Path gazetteer;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        EntityRecognizer recognizer;
        try {
            recognizer = new EntityRecognizer(gazetteer == null ? Gazetteer.loadDefault() : Gazetteer.load(gazetteer));
        } catch (GazetteerException e) {
            e.problems().forEach(p -> err.println("error: " + p));
            return 2;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        List<Rule> pack = DefaultRules.load();
        if (rules != null) {
            RuleFiles.Loaded loaded = RuleFiles.read(rules);
            if (!loaded.valid()) {
                loaded.problems().forEach(p -> err.println("error: " + p));
                return 2;
            }
            pack = loaded.rules();
        }
        // the rule engine reads text through the same analyser as recognition
        RuleHits ruleHits = new RuleBook(TokenAnalysis.standard(), pack)::evaluate;
        boolean packHasStoryline = pack.stream().anyMatch(r -> r.id().equals(DefaultRules.STORYLINE));
        JsonlMatcher matcher = new JsonlMatcher(recognizer, new StorylineDecision(), ruleHits, packHasStoryline,
                Clock.systemUTC());
        try (BufferedReader in = new BufferedReader(reader()); Writer out = new BufferedWriter(writer())) {
            MatchSummary summary = matcher.match(in, out);
            if (output != null) {
                spec.commandLine().getOut().println("matched " + summary.lines() + " line(s): " + summary.errors()
                        + " error(s), " + summary.inStoryline() + " in the storyline");
            }
            return 0;
        } catch (NoSuchFileException e) {
            err.println("error: no such file: " + e.getFile() + "; check the --input and --output paths");
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("error: matching failed reading or writing: " + e.getMessage());
            return 1;
        }
    }

    private Reader reader() throws IOException {
        if (input == null) {
            return new InputStreamReader(System.in, StandardCharsets.UTF_8);
        }
        return Files.newBufferedReader(input, StandardCharsets.UTF_8);
    }

    private Writer writer() throws IOException {
        if (output == null) {
            // results are data: they go where the command's output goes, without closing it
            PrintWriter out = spec.commandLine().getOut();
            return new Writer() {
                @Override
                public void write(char[] buffer, int offset, int length) {
                    out.write(buffer, offset, length);
                }

                @Override
                public void flush() {
                    out.flush();
                }

                @Override
                public void close() {
                    out.flush();
                }
            };
        }
        return new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8);
    }
}
