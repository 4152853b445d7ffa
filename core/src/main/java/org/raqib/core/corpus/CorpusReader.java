package org.raqib.core.corpus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.raqib.core.json.Json;
import org.raqib.core.model.Article;

/**
 * Reads article archives, streaming, one article at a time:
 *
 * <ul>
 *   <li>SaudiNewsNet: {@code .zip} files each holding a JSON array of
 *       {@code {source, url, date_extracted, title, author, content}};</li>
 *   <li>{@code .json}: the same JSON array, unzipped;</li>
 *   <li>{@code .jsonl}: one object per line with {@code id} (required), {@code title}, {@code body}, and optionally
 *       {@code url}, {@code source}, {@code lang}, {@code publishedAt} (ISO-8601) — the {@code raqib match} input.</li>
 * </ul>
 *
 * <p>A SaudiNewsNet article's id is {@code snn-} and the first 16 hex digits of the SHA-256 of its URL, so reading
 * the same archive twice gives the same ids. Its {@code date_extracted} (local time without zone in the archive) is
 * read as UTC. A record that cannot be read is reported to the sink with its place and reason, and reading goes on;
 * an exception the sink throws is not the record's fault and ends the reading.
 */
public final class CorpusReader {

    /** Receives what a reader finds. */
    public interface Sink {
        /** One readable article. */
        void article(Article article);

        /**
         * One readable article whose body is still in the archive's bytes: {@code article}'s body is empty and
         * {@code body} holds it (see {@link EncodedText}). By default it is decoded and given to
         * {@link #article(Article)}; an import overrides this to copy the bytes into its record.
         */
        default void article(Article article, EncodedText body) {
            article(withBody(article, body.text()));
        }

        /** One record that could not be read; {@code where} is {@code file:line} or {@code file#index}. */
        void rejected(String where, String reason);
    }

    /** The fields a SaudiNewsNet record is read from, in the order {@code readSaudiNewsNet} uses them. */
    private static final List<String> SAUDINEWSNET_FIELDS = List.of("source", "url", "date_extracted", "title", "content");

    /** The fields a JSONL record is read from, in the order {@code readJsonLines} uses them. */
    private static final List<String> JSONL_FIELDS = List.of("id", "title", "body", "url", "source", "lang",
            "publishedAt");

    /** The index of the body ({@code content}) in {@link #SAUDINEWSNET_FIELDS}. */
    private static final int SAUDINEWSNET_BODY = 4;

    /**
     * Archive files (or zip entries) up to this size are read into memory whole, so that their bodies can stay in
     * the archive's bytes ({@link EncodedText}); larger ones are streamed. An import reads a file more than it has
     * threads at once, so this bounds its memory for archive bytes too.
     */
    private static final int WHOLE_FILE_LIMIT = 32 * 1024 * 1024;

    private static final DateTimeFormatter SAUDINEWSNET_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** The archive files at {@code path}: the file itself, or the readable files of a directory in name order. */
    public static List<Path> files(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            if (!Files.isRegularFile(path)) {
                throw new IOException(path + " does not exist");
            }
            return List.of(path);
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.filter(CorpusReader::readable).sorted().toList();
        }
    }

    /** Whether {@code file}'s name says it is an archive this reader understands. */
    public static boolean readable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".zip") || name.endsWith(".json") || name.endsWith(".jsonl"));
    }

    /** Reads every article of every archive at {@code path} (a file or directory) into {@code sink}. */
    public void readAll(Path path, Sink sink) throws IOException {
        for (Path file : files(path)) {
            read(file, sink);
        }
    }

    /** Reads one archive file into {@code sink}. */
    public void read(Path file, Sink sink) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl")) {
            try (InputStream in = Files.newInputStream(file)) {
                readJsonLines(in, file.getFileName().toString(), sink);
            }
        } else if (name.endsWith(".zip")) {
            // ZipFile rather than ZipInputStream: it inflates from an 8 KiB buffer instead of 512 bytes, a tenth
            // less CPU for the same bytes. Entries come in the central directory's order, which archivers write in
            // the order of the entries themselves.
            try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    if (!entry.isDirectory() && entry.getName().toLowerCase(Locale.ROOT).endsWith(".json")) {
                        String where = file.getFileName() + "!" + entry.getName();
                        byte[] whole = entry.getSize() >= 0 && entry.getSize() <= WHOLE_FILE_LIMIT
                                ? wholeEntry(zip, entry) : null;
                        if (whole != null) {
                            readSaudiNewsNet(whole, where, sink);
                        } else {
                            try (InputStream in = zip.getInputStream(entry)) {
                                readSaudiNewsNet(in, where, sink);
                            }
                        }
                    }
                }
            }
        } else if (name.endsWith(".json")) {
            if (Files.size(file) <= WHOLE_FILE_LIMIT) {
                readSaudiNewsNet(Files.readAllBytes(file), file.getFileName().toString(), sink);
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    readSaudiNewsNet(in, file.getFileName().toString(), sink);
                }
            }
        } else {
            throw new IOException(file + " is not a .zip, .json or .jsonl archive");
        }
    }

    /** Reads {@code raqib match}-style JSON lines. */
    public void readJsonLines(InputStream in, String name, Sink sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Article article;
            try (JsonParser parser = Json.mapper().getFactory().createParser(line)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                String[] f = fields(parser, JSONL_FIELDS);
                String id = f[0];
                if (id.isBlank()) {
                    throw new IllegalArgumentException("missing \"id\"");
                }
                Instant published = instant(f[6]);
                article = new Article(id, "import", f[4], f[3], f[1], "", f[2], f[5], published,
                        published == null ? Instant.EPOCH : published);
            } catch (IOException | RuntimeException e) {
                sink.rejected(name + ":" + number, e.getMessage());
                continue;
            }
            sink.article(article);
        }
    }

    private void readSaudiNewsNet(InputStream in, String name, Sink sink) throws IOException {
        // Bytes straight to Jackson's UTF-8 parser (no Reader in between), and tokens instead of a tree per article:
        // reading the archive is most of an import's time.
        JsonParser parser = Json.mapper().getFactory().createParser(in);
        parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        readSaudiNewsNet(parser, 0, name, sink);
    }

    /**
     * As from a stream, but the file is scanned without Jackson as far as it looks as SaudiNewsNet's writer wrote it,
     * and bodies spelt as the project's writer spells them stay encoded ({@link EncodedText}). Jackson reads on from
     * the first object the scanner leaves, so the articles and errors are those of reading it all with Jackson.
     */
    private void readSaudiNewsNet(byte[] whole, String name, Sink sink) throws IOException {
        int[] index = new int[1];
        int handed = new FlatArrayScanner(whole, SAUDINEWSNET_FIELDS, SAUDINEWSNET_BODY)
                .scan((values, body) -> saudiNewsNetArticle(values, body, name, index[0]++, sink));
        if (handed >= 0) {
            try (JsonParser parser = Json.mapper().getFactory().createParser(whole)) {
                readSaudiNewsNet(parser, handed, name, sink);
            }
        }
    }

    /** Reads the array at the parser's start, passing over the first {@code skip} objects (already handed over). */
    private void readSaudiNewsNet(JsonParser parser, int skip, String name, Sink sink) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new IOException(name + " is not a JSON array of articles");
        }
        for (int i = 0; i < skip; i++) {
            parser.nextToken();
            parser.skipChildren();
        }
        int index = skip;
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            saudiNewsNetArticle(fields(parser, SAUDINEWSNET_FIELDS), null, name, index++, sink);
        }
    }

    /** Hands the article of one record's fields to {@code sink}, or its rejection; {@code body} if still encoded. */
    private static void saudiNewsNetArticle(String[] f, EncodedText body, String name, int position, Sink sink) {
        Article article;
        try {
            String url = f[1];
            if (url.isBlank()) {
                throw new IllegalArgumentException("missing \"url\"");
            }
            Instant at = saudiNewsNetDate(f[2]);
            article = new Article(idForUrl(url), "import", f[0], url, f[3].strip(), "",
                    body == null ? f[4].strip() : "", "ar", at, at == null ? Instant.EPOCH : at);
        } catch (RuntimeException e) {
            sink.rejected(name + "#" + position, e.getMessage());
            return;
        }
        if (body == null) {
            sink.article(article);
        } else {
            sink.article(article, body);
        }
    }

    /**
     * The text of the {@code names} fields of the object whose {@code START_OBJECT} the parser has just read, in the
     * order of {@code names}, leaving the parser on its {@code END_OBJECT}. A value reads as {@code JsonNode.asText()}
     * did when this reader built a tree: absent, null, object or array give "", a scalar its text; a repeated field
     * keeps its last value. Other fields are skipped without being built.
     */
    private static String[] fields(JsonParser parser, List<String> names) throws IOException {
        String[] values = new String[names.size()];
        Arrays.fill(values, "");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            int i = names.indexOf(parser.currentName());
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                parser.skipChildren();
                if (i >= 0) {
                    values[i] = "";
                }
            } else if (i >= 0) {
                values[i] = value == JsonToken.VALUE_NULL ? "" : parser.getText();
            }
        }
        return values;
    }

    /** {@code article} with {@code body} as its body. */
    static Article withBody(Article article, String body) {
        return new Article(article.id(), article.feedId(), article.source(), article.url(), article.title(),
                article.summary(), body, article.lang(), article.publishedAt(), article.fetchedAt());
    }

    /**
     * The uncompressed bytes of {@code entry}, or null when it holds more than its declared size (then it is read as
     * a stream, as a larger entry is).
     */
    private static byte[] wholeEntry(ZipFile zip, ZipEntry entry) throws IOException {
        // One array of the declared size, filled by the inflater directly: readAllBytes would inflate into 8 KiB
        // pieces and copy them together.
        byte[] bytes = new byte[(int) entry.getSize()];
        try (InputStream in = zip.getInputStream(entry)) {
            int read = in.readNBytes(bytes, 0, bytes.length);
            return read == bytes.length && in.read() < 0 ? bytes : null;
        }
    }

    /** The article id of a SaudiNewsNet URL. */
    public static String idForUrl(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return "snn-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Instant saudiNewsNetDate(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), SAUDINEWSNET_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.strip());
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("publishedAt '" + text + "' is not an ISO-8601 time", again);
            }
        }
    }

    /** Collects everything a reader finds, for small archives and tests. */
    public static final class Collected implements Sink {
        private final List<Article> articles = new ArrayList<>();
        private final List<String> rejected = new ArrayList<>();

        @Override
        public void article(Article article) {
            articles.add(article);
        }

        @Override
        public void rejected(String where, String reason) {
            rejected.add(where + ": " + reason);
        }

        public List<Article> articles() {
            return articles;
        }

        public List<String> rejected() {
            return rejected;
        }
    }
}
