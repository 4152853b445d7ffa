package org.raqib.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.raqib.core.json.Json;
import org.raqib.ingest.extract.ArticleExtractor;
import org.raqib.ingest.extract.ExtractedPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code raqib extract FILE...}: one JSON line per page, {@code {"file","title","body","published","author","lang"}},
 * the body's paragraphs separated by a blank line; {@code {"file","error"}} for a page that cannot be read (exit 1).
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extracts the title, main text, publication time, author and language of article pages (HTML or"
                + " .html.gz) as JSON lines.")
public final class ExtractCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "HTML files, optionally gzipped (.gz).")
    List<Path> files;

    @Option(names = "--base-url", paramLabel = "URL", description = "The pages' address, for relative links.")
    URI baseUrl;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ArticleExtractor extractor = new ArticleExtractor();
        boolean failed = false;
        for (Path file : files) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", file.toString());
            try {
                ExtractedPage page = extractor.extract(read(file), Optional.empty(),
                        baseUrl != null ? baseUrl : file.toAbsolutePath().toUri());
                json.put("title", page.title());
                json.put("body", page.body());
                json.put("published", page.published() == null ? null : page.published().toString());
                json.put("author", page.author());
                json.put("lang", page.lang());
            } catch (IOException | RuntimeException e) {
                failed = true;
                json.put("error", e.getMessage());
            }
            out.println(Json.write(json));
        }
        out.flush();
        return failed ? 1 : 0;
    }

    private static byte[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist or is not a file");
        }
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return in.readNBytes(ArticleExtractor.MAX_BYTES);
        }
    }
}
