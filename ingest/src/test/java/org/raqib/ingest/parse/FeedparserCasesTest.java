package org.raqib.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Python feedparser's catalogue of real-world feeds (../shared/benchmarks/feedparser-cases): the parser never
 * crashes or hangs on any of them, and reproduces the titles and links their {@code Expect:} lines state for the
 * large majority. The rate is printed and recorded in docs/quality.md.
 */
class FeedparserCasesTest {

    private static final Path CASES = Path.of(System.getProperty("raqib.shared", "../../shared"), "benchmarks",
            "feedparser-cases");
    private static final List<String> DIRS = List.of("wellformed/rss", "wellformed/atom", "wellformed/atom10",
            "wellformed/rdf", "encoding", "illformed");
    private static final Pattern EXPECT = Pattern.compile(
            "(feed|entries\\[(\\d+)\\])\\['(title|link)'\\] == u?(['\"])(.*?)\\4(?:\\s|$|\\))");

    private static final AtomicInteger checked = new AtomicInteger();
    private static final AtomicInteger reproduced = new AtomicInteger();
    private static final List<String> misses = new ArrayList<>();
    private final FeedParser parser = new FeedParser();

    static Stream<Path> cases() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CASES), "../shared/benchmarks/feedparser-cases is not here: " + CASES);
        List<Path> files = new ArrayList<>();
        for (String dir : DIRS) {
            try (Stream<Path> list = Files.list(CASES.resolve(dir))) {
                list.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesWithoutCrashOrHangAndReproducesStatedTitlesAndLinks(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Optional<String> contentType = header(text, "Content-type");

        assertThatCode(() -> {
            try {
                check(file, text, parser.parse(bytes, contentType, URI.create("http://example.com/feed.xml")));
            } catch (FeedParseException e) {
                // A clear refusal is a result, not a crash; expectations about it count as misses.
                check(file, text, null);
            }
        }).doesNotThrowAnyException();
    }

    private static void check(Path file, String text, ParsedFeed feed) {
        String expect = header(text, "Expect").orElse("");
        Matcher m = EXPECT.matcher(expect);
        while (m.find()) {
            String expected = unescape(m.group(5));
            String actual = null;
            if (feed != null) {
                if (m.group(1).equals("feed")) {
                    actual = m.group(3).equals("title") ? feed.title() : feed.link();
                } else {
                    int i = Integer.parseInt(m.group(2));
                    if (i < feed.entries().size()) {
                        FeedEntry e = feed.entries().get(i);
                        actual = m.group(3).equals("title") ? e.title() : e.link();
                    }
                }
            }
            // Compared under ingest's contract: titles as plain text, links canonical (feedparser keeps markup and case).
            if (m.group(3).equals("title")) {
                expected = TextCleaner.clean(expected);
            } else {
                expected = Links.canonical(expected, URI.create("http://example.com/feed.xml")).orElse(expected);
            }
            checked.incrementAndGet();
            if (actual != null && (actual.equals(expected) || normalise(actual).equals(normalise(expected)))) {
                reproduced.incrementAndGet();
            } else {
                synchronized (misses) {
                    misses.add(file.getFileName() + ": " + m.group(1) + "." + m.group(3) + " expected '" + expected
                            + "' got '" + actual + "'");
                }
            }
        }
    }

    @AfterAll
    static void reportRate() {
        if (checked.get() == 0) {
            return;
        }
        double rate = reproduced.get() / (double) checked.get();
        System.out.printf(Locale.ROOT, "feedparser-cases: %d of %d stated titles and links reproduced (%.1f%%)%n",
                reproduced.get(), checked.get(), 100 * rate);
        misses.stream().limit(40).forEach(m -> System.out.println("  miss: " + m));
        assertThat(rate).isGreaterThan(0.80);
    }

    private static String normalise(String s) {
        String t = s.strip();
        if (t.endsWith("/") && t.startsWith("http")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.replaceAll("\\s+", " ");
    }

    private static Optional<String> header(String text, String name) {
        Matcher m = Pattern.compile(name + ":\\s*(.+)").matcher(text.substring(0, Math.min(text.length(), 2000)));
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if (n == 'u' && i + 5 < s.length()) {
                    b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                    i += 5;
                    continue;
                }
                if (n == 'x' && i + 3 < s.length()) {
                    b.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                    i += 3;
                    continue;
                }
                b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
                i++;
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }

}
