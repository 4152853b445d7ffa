package org.raqib.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.raqib.core.json.Json;
import org.raqib.ingest.parse.FeedEntry;
import org.raqib.ingest.parse.FeedParseException;
import org.raqib.ingest.parse.FeedParser;
import org.raqib.ingest.parse.ParsedFeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code raqib parse-feed FILE|URL...}: the entries of a feed exactly as ingest takes them. One feed prints one JSON
 * document, or {@code error: <what>} on stderr with exit code 1; several print one JSON line each, in order, with
 * their {@code "file"}, and {@code {"file":..,"error":..}} for a feed that fails (exit code 1 if any failed).
 */
@Command(name = "parse-feed", mixinStandardHelpOptions = true,
        description = "Prints a feed's entries as ingest takes them (cleaned, links absolute, in document order, repeats"
                + " dropped) as JSON.")
public final class ParseFeedCommand implements Callable<Integer> {

    private static final int MAX_BYTES = FeedParser.MAX_BYTES;

    @Parameters(arity = "1..*", paramLabel = "FILE|URL", description = "Feed files or http(s) addresses.")
    List<String> sources;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FeedParser parser = new FeedParser();
        boolean failed = false;
        for (String source : sources) {
            Map<String, Object> json = new LinkedHashMap<>();
            if (sources.size() > 1) {
                json.put("file", source);
            }
            try {
                ParsedFeed feed = parse(parser, source);
                json.putAll(render(feed));
                out.println(Json.write(json));
            } catch (FeedParseException | IOException e) {
                failed = true;
                if (sources.size() > 1) {
                    json.put("error", e.getMessage());
                    out.println(Json.write(json));
                } else {
                    err.println("error: " + e.getMessage());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("error: interrupted");
                return 1;
            }
        }
        out.flush();
        return failed ? 1 : 0;
    }

    private static ParsedFeed parse(FeedParser parser, String source)
            throws IOException, FeedParseException, InterruptedException {
        if (source.startsWith("http://") || source.startsWith("https://")) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(source))
                    .timeout(Duration.ofSeconds(10)).header("User-Agent", "Raqib parse-feed").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException(source + " answered HTTP " + response.statusCode());
            }
            if (response.body().length > MAX_BYTES) {
                throw new IOException(source + " is larger than " + MAX_BYTES + " bytes");
            }
            return parser.parse(response.body(), response.headers().firstValue("Content-Type"), URI.create(source));
        }
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) {
            throw new IOException(source + " does not exist or is not a file");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(source + " is larger than " + MAX_BYTES + " bytes");
        }
        return parser.parse(Files.readAllBytes(file), Optional.empty(), file.toAbsolutePath().toUri());
    }

    private static Map<String, Object> render(ParsedFeed feed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", feed.title());
        json.put("link", feed.link());
        json.put("language", feed.language());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (FeedEntry e : feed.entries()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", e.id());
            entry.put("title", e.title());
            entry.put("link", e.link());
            entry.put("published", iso(e.published()));
            entry.put("updated", iso(e.updated()));
            entry.put("author", e.author());
            entry.put("summary", e.summary());
            entries.add(entry);
        }
        json.put("entries", entries);
        return json;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
