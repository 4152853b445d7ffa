package org.raqib.streams.backtest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.raqib.core.corpus.CorpusReader;
import org.raqib.core.corpus.EncodedText;
import org.raqib.core.json.Json;
import org.raqib.core.model.Article;

/**
 * Articles read from archive files (SaudiNewsNet zips or JSON, or JSONL), for an import or a backtest without Kafka.
 * Each article becomes the record import writes: keyed by id, timestamped with its publication time (or fetch time
 * when it has none), cleaned the same way. Unreadable records are collected in {@link #rejected()}.
 *
 * <p>Records come in reading order, files in the order given (a directory's in name order), whether the files are
 * read on one thread or several, so an import writes the same records in the same order however it reads them.
 * An instance reads once; it is not thread-safe.
 */
public final class FileArticles implements ArticleSource {

    /** Records a reading thread hands over at a time, and chunks it may hold per file before it waits. */
    private static final int CHUNK = 256;
    private static final int QUEUED_CHUNKS = 8;

    /** The body field of an article written without its body, where {@link #record(Article, EncodedText)} splices. */
    private static final byte[] EMPTY_BODY = "\"body\":\"\"".getBytes(StandardCharsets.US_ASCII);

    private final List<Path> paths;
    private final ArticleCleaning cleaning;
    private final List<String> rejected = new ArrayList<>();

    public FileArticles(List<Path> paths, ArticleCleaning cleaning) {
        this.paths = List.copyOf(paths);
        this.cleaning = Objects.requireNonNull(cleaning, "cleaning");
    }

    /** Receives the records of a parallel read, on the thread that called {@link #forEach(int, Predicate, Chunks)}. */
    @FunctionalInterface
    public interface Chunks {

        /**
         * The next records in reading order, after {@code skipped} articles that were passed over because their id
         * was to be skipped.
         */
        void accept(List<ArticleRecord> records, int skipped);
    }

    /** Reads the files one after the other on the calling thread. */
    @Override
    public void forEach(Consumer<ArticleRecord> each) throws IOException {
        for (Path file : files()) {
            rejected.addAll(read(file, id -> false, new Output() {
                @Override
                public void record(ArticleRecord record) {
                    each.accept(record);
                }

                @Override
                public void skipped() {
                }
            }));
        }
    }

    /**
     * Reads the files on up to {@code threads} threads, one file per thread at a time, and hands the records to
     * {@code each} on the calling thread in reading order (as {@link #forEach(Consumer)} would). An article whose id
     * {@code skip} accepts (an id already imported) is counted, neither cleaned nor serialised; {@code skip} is
     * called on the reading threads. At most {@code threads + 1} files are read ahead of {@code each}, each by a few
     * thousand records at most, so memory stays bounded whatever the archive's size.
     *
     * <p>A file that cannot be read ends the reading with its exception once the files before it are handed over;
     * an exception {@code each} throws stops the reading threads and is rethrown.
     */
    public void forEach(int threads, Predicate<String> skip, Chunks each) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Objects.requireNonNull(skip, "skip");
        List<Path> files = files();
        AtomicInteger thread = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "raqib-import-reader-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<FileRead> window = new ArrayDeque<>();
            int next = 0;
            while (next < files.size() && window.size() <= threads) {
                window.add(start(readers, files.get(next++), skip));
            }
            while (!window.isEmpty()) {
                FileRead read = window.poll();
                drain(read, each);
                if (next < files.size()) {
                    window.add(start(readers, files.get(next++), skip));
                }
            }
        } finally {
            readers.shutdownNow();
        }
    }

    /** What could not be read or cleaned, as {@code place: reason}, in reading order. */
    public List<String> rejected() {
        return List.copyOf(rejected);
    }

    /** The {@code raqib.articles} record of {@code article}: the import's key, value and timestamp. */
    public static ArticleRecord record(Article article) {
        return new ArticleRecord(article.id(), Json.writeBytes(article),
                article.published().orElse(article.fetchedAt()));
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            files.addAll(CorpusReader.files(path));
        }
        return files;
    }

    /** Where {@link #read} puts what it reads. */
    private interface Output {
        void record(ArticleRecord record);

        void skipped();
    }

    /** Reads one file into {@code out}; returns what it rejected. */
    private List<String> read(Path file, Predicate<String> skip, Output out) throws IOException {
        List<String> rejectedHere = new ArrayList<>();
        new CorpusReader().read(file, new CorpusReader.Sink() {
            @Override
            public void article(Article article) {
                if (skip.test(article.id())) {
                    out.skipped();
                    return;
                }
                cleaned(article).ifPresent(clean -> out.record(record(clean)));
            }

            @Override
            public void article(Article withoutBody, EncodedText body) {
                if (skip.test(withoutBody.id())) {
                    out.skipped();
                    return;
                }
                if (!cleaning.keepsBody(body)) {
                    CorpusReader.Sink.super.article(withoutBody, body); // decoded, then as any other article
                    return;
                }
                cleaned(withoutBody).ifPresent(clean -> out.record(record(clean, body)));
            }

            private Optional<Article> cleaned(Article article) {
                try {
                    return Optional.of(cleaning.clean(article));
                } catch (IllegalArgumentException e) {
                    rejected(article.id(), e.getMessage());
                    return Optional.empty();
                }
            }

            @Override
            public void rejected(String where, String reason) {
                rejectedHere.add(where + ": " + reason);
            }
        });
        return rejectedHere;
    }

    /**
     * The record of {@code withoutBody} with {@code body} as its body: the bytes {@link #record(Article)} gives for the
     * whole article, since {@link EncodedText} is spelt as the writer spells it.
     */
    static ArticleRecord record(Article withoutBody, EncodedText body) {
        if (!withoutBody.body().isEmpty()) {
            throw new IllegalStateException("the cleaning gave article " + withoutBody.id() + " a body of its own");
        }
        byte[] json = Json.writeBytes(withoutBody);
        // The field can only be the article's own: inside a JSON string every quote is escaped.
        int at = indexOf(json, EMPTY_BODY);
        if (at < 0) {
            throw new IllegalStateException("no \"body\":\"\" in the JSON of article " + withoutBody.id());
        }
        int valueAt = at + EMPTY_BODY.length - 1;
        byte[] value = new byte[json.length + body.length()];
        System.arraycopy(json, 0, value, 0, valueAt);
        body.copyTo(value, valueAt);
        System.arraycopy(json, valueAt, value, valueAt + body.length(), json.length - valueAt);
        return new ArticleRecord(withoutBody.id(), value, withoutBody.published().orElse(withoutBody.fetchedAt()));
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** One file being read on a reading thread: its chunks, and the task (for the failure that ended it). */
    private record FileRead(BlockingQueue<Chunk> chunks, Future<?> task) {
    }

    /**
     * Records of one file in reading order; the last chunk of a file says whether reading it completed and carries
     * its rejections.
     */
    private record Chunk(List<ArticleRecord> records, int skipped, boolean last, boolean completed,
            List<String> rejected) {
    }

    private FileRead start(ExecutorService readers, Path file, Predicate<String> skip) {
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        Future<?> task = readers.submit(() -> {
            readInto(file, skip, chunks);
            return null;
        });
        return new FileRead(chunks, task);
    }

    /** The reading thread's side: the file in chunks, then a last chunk, also when reading fails. */
    private void readInto(Path file, Predicate<String> skip, BlockingQueue<Chunk> chunks) throws IOException {
        Chunking out = new Chunking(chunks);
        List<String> rejectedHere = List.of();
        boolean completed = false;
        try {
            rejectedHere = read(file, skip, out);
            completed = true;
        } finally {
            // After a failure the last chunk only tells the caller to ask the task why; after an interrupt nobody
            // waits for it.
            if (!Thread.currentThread().isInterrupted()) {
                out.last(completed, rejectedHere);
            }
        }
    }

    /** Collects a file's records into chunks and puts each full one on the file's queue. */
    private static final class Chunking implements Output {
        private final BlockingQueue<Chunk> chunks;
        private List<ArticleRecord> records = new ArrayList<>(CHUNK);
        private int skipped;

        Chunking(BlockingQueue<Chunk> chunks) {
            this.chunks = chunks;
        }

        @Override
        public void record(ArticleRecord record) {
            records.add(record);
            if (records.size() == CHUNK) {
                put(chunks, new Chunk(records, skipped, false, false, List.of()));
                records = new ArrayList<>(CHUNK);
                skipped = 0;
            }
        }

        @Override
        public void skipped() {
            skipped++;
        }

        void last(boolean completed, List<String> rejected) {
            put(chunks, new Chunk(records, skipped, true, completed, rejected));
        }
    }

    private static void put(BlockingQueue<Chunk> chunks, Chunk chunk) {
        try {
            chunks.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("reading cancelled");
        }
    }

    /** The caller's side: one file's chunks into {@code each}; rethrows what stopped its reading. */
    private void drain(FileRead read, Chunks each) throws IOException {
        while (true) {
            Chunk chunk;
            try {
                chunk = read.chunks().take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the archive");
            }
            if (!chunk.records().isEmpty() || chunk.skipped() > 0) {
                each.accept(Collections.unmodifiableList(chunk.records()), chunk.skipped());
            }
            if (chunk.last()) {
                rejected.addAll(chunk.rejected());
                if (!chunk.completed()) {
                    rethrowFailure(read.task());
                }
                return;
            }
        }
    }

    /** Throws the exception that ended a reading task. */
    private static void rethrowFailure(Future<?> task) throws IOException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the archive");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException("reading the archive failed: " + cause, cause);
        }
        throw new IOException("reading the archive stopped without a reason");
    }
}
