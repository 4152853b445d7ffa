package org.raqib.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.raqib.ingest.simulate.SuppressForbidden;

/** The fetcher against real HTTP servers on loopback, including hostile ones. */
@SuppressForbidden(reason = "com.sun.net.httpserver is the JDK's exported, supported HTTP server API")
class HttpFetcherIT {

    private static final String AGENT = "RaqibTest/1.0 (+https://example.org/raqib)";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private static final byte[] FEED = "<rss version=\"2.0\"><channel><title>خبر</title></channel></rss>"
            .getBytes(StandardCharsets.UTF_8);

    private static HttpServer server;
    private static ExecutorService serverThreads;
    private static final AtomicInteger secretHits = new AtomicInteger();
    private static final ConcurrentLinkedQueue<String> agents = new ConcurrentLinkedQueue<>();
    private static byte[] gzipBomb;

    @BeforeAll
    static void startServer() throws IOException {
        gzipBomb = gzip(new byte[0], 64 * 1024 * 1024);
        serverThreads = Executors.newFixedThreadPool(8, r -> new Thread(r, "test-http-server"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(serverThreads);
        server.createContext("/feed", ex -> {
            agents.add(String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")));
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Mon, 23 Nov 2026 07:00:00 GMT");
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            respond(ex, 200, FEED);
        });
        server.createContext("/gzip", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            respond(ex, 200, gzip(FEED, 0));
        });
        server.createContext("/deflate", ex -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
                deflate.write(FEED);
            }
            ex.getResponseHeaders().set("Content-Encoding", "deflate");
            respond(ex, 200, out.toByteArray());
        });
        server.createContext("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            respond(ex, 200, gzipBomb);
        });
        server.createContext("/huge", ex -> {
            long size = 1L << 30; // 1 GB, written in small chunks: neither side may hold it
            ex.sendResponseHeaders(200, size);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = ex.getResponseBody()) {
                for (long sent = 0; sent < size; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (IOException expected) {
                // the client hangs up once it has read its limit
            }
        });
        server.createContext("/loop/a", ex -> redirect(ex, "/loop/b"));
        server.createContext("/loop/b", ex -> redirect(ex, "/loop/a"));
        server.createContext("/chain/", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getPath().substring("/chain/".length()));
            redirect(ex, "/chain/" + (n + 1));
        });
        server.createContext("/hop/", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getPath().substring("/hop/".length()));
            if (n < 5) {
                redirect(ex, "/hop/" + (n + 1));
            } else {
                respond(ex, 200, FEED);
            }
        });
        server.createContext("/to-loopback", ex -> redirect(ex, "http://127.0.0.1:" + port() + "/secret"));
        server.createContext("/secret", ex -> {
            secretHits.incrementAndGet();
            respond(ex, 200, "internal".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/busy", ex -> {
            ex.getResponseHeaders().set("Retry-After", "120");
            respond(ex, 429, "slow down".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/maintenance", ex -> {
            ex.getResponseHeaders().set("Retry-After", "Mon, 23 Nov 2026 09:00:00 GMT");
            respond(ex, 503, new byte[0]);
        });
        server.createContext("/gone", ex -> respond(ex, 410, new byte[0]));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private static int port() {
        return server.getAddress().getPort();
    }

    private static URI local(String path) {
        return URI.create("http://localhost:" + port() + path);
    }

    private static void respond(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private static byte[] gzip(byte[] prefix, int zeros) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(prefix);
            byte[] block = new byte[64 * 1024];
            for (int written = 0; written < zeros; written += block.length) {
                gzip.write(block);
            }
        }
        return out.toByteArray();
    }

    private static FetchLimits limits(Duration readTimeout) {
        return new FetchLimits(AGENT, Duration.ofSeconds(5), readTimeout, 1024 * 1024, 5, 4, Duration.ZERO, false);
    }

    /** Loopback allowed for the feed itself (it is marked allowPrivate), as the simulator's feeds are. */
    private static HttpFetcher fetcher() {
        return new HttpFetcher(limits(Duration.ofSeconds(10)), new AddressGuard(false), CLOCK);
    }

    private static FetchException.Kind kindOf(ThrowingFetch fetch) {
        try {
            fetch.run();
        } catch (FetchException e) {
            return e.kind();
        }
        throw new AssertionError("the fetch succeeded but was expected to fail");
    }

    private interface ThrowingFetch {
        void run() throws FetchException;
    }

    @Test
    void sendsAnHonestUserAgentAndAnswers304ToAConditionalGet() throws FetchException {
        try (HttpFetcher fetcher = fetcher()) {
            FetchResponse first = fetcher.fetch(local("/feed"), true);
            FetchResponse second = fetcher.fetch(local("/feed"), true, first.etag(), first.lastModified());

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).isEqualTo(FEED);
            assertThat(first.etag()).contains("\"v1\"");
            assertThat(first.lastModified()).contains("Mon, 23 Nov 2026 07:00:00 GMT");
            assertThat(second.notModified()).isTrue();
            assertThat(second.etag()).contains("\"v1\"");
            assertThat(agents).contains(AGENT);
        }
    }

    @Test
    void decompressesGzipAndDeflateBodies() throws FetchException {
        try (HttpFetcher fetcher = fetcher()) {
            assertThat(fetcher.fetch(local("/gzip"), true).body()).isEqualTo(FEED);
            assertThat(fetcher.fetch(local("/deflate"), true).body()).isEqualTo(FEED);
        }
    }

    @Test
    void refusesAGzipBombOnceTheDecompressedSizePassesTheCap() {
        try (HttpFetcher fetcher = fetcher()) {
            assertThat(kindOf(() -> fetcher.fetch(local("/bomb"), true))).isEqualTo(FetchException.Kind.TOO_LARGE);
        }
    }

    @Test
    void stopsReadingAOneGigabyteResponseAtTheCapWithoutBufferingIt() {
        long heapBefore = usedHeap();
        try (HttpFetcher fetcher = fetcher()) {
            assertThat(kindOf(() -> fetcher.fetch(local("/huge"), true))).isEqualTo(FetchException.Kind.TOO_LARGE);
        }
        // A gigabyte held anywhere would show; the cap is one megabyte.
        assertThat(usedHeap() - heapBefore).isLessThan(256L * 1024 * 1024);
    }

    @Test
    void abandonsAServerThatNeverFinishesItsResponse() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (ServerSocket dripping = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread serverThread = new Thread(() -> {
                try (Socket socket = dripping.accept(); OutputStream out = socket.getOutputStream()) {
                    socket.getInputStream().read(new byte[4096]);
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\nContent-Type: application/rss+xml\r\n\r\n<rss>"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    while (!done.await(200, TimeUnit.MILLISECONDS)) {
                        out.write(' ');
                        out.flush();
                    }
                } catch (IOException | InterruptedException expected) {
                    // the client gave up, which is the point
                }
            }, "never-finishing-server");
            serverThread.start();
            try (HttpFetcher fetcher = new HttpFetcher(limits(Duration.ofSeconds(2)), new AddressGuard(false), CLOCK)) {
                URI uri = URI.create("http://localhost:" + dripping.getLocalPort() + "/feed");
                assertThat(kindOf(() -> fetcher.fetch(uri, true))).isEqualTo(FetchException.Kind.TIMEOUT);
            } finally {
                done.countDown();
            }
        }
    }

    @Test
    void refusesARedirectLoop() {
        try (HttpFetcher fetcher = fetcher()) {
            assertThatThrownBy(() -> fetcher.fetch(local("/loop/a"), true))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REDIRECT))
                    .hasMessageContaining("loop");
        }
    }

    @Test
    void followsFiveRedirectsButNotASixth() throws FetchException {
        try (HttpFetcher fetcher = fetcher()) {
            assertThat(fetcher.fetch(local("/hop/0"), true).address()).isEqualTo(local("/hop/5"));
            assertThat(kindOf(() -> fetcher.fetch(local("/chain/0"), true))).isEqualTo(FetchException.Kind.REDIRECT);
        }
    }

    @Test
    void refusesARedirectToLoopbackWhenTheFeedIsNotAllowedPrivateAddresses() {
        // "localhost" is made to look public so the first hop is allowed; the redirect names 127.0.0.1 itself.
        AddressGuard guard = new AddressGuard(false, host -> host.equals("localhost")
                ? List.of(InetAddress.getByName("93.184.216.34"))
                : List.of(InetAddress.getAllByName(host)));
        try (HttpFetcher fetcher = new HttpFetcher(limits(Duration.ofSeconds(10)), guard, CLOCK)) {
            assertThatThrownBy(() -> fetcher.fetch(local("/to-loopback"), false))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED))
                    .hasMessageContaining("127.0.0.1");
        }
        assertThat(secretHits).hasValue(0);
    }

    @Test
    void refusesLoopbackFeedsNotMarkedAllowPrivate() {
        try (HttpFetcher fetcher = fetcher()) {
            assertThat(kindOf(() -> fetcher.fetch(local("/feed"), false))).isEqualTo(FetchException.Kind.BLOCKED);
        }
    }

    @Test
    void carriesRetryAfterSecondsFromA429() {
        try (HttpFetcher fetcher = fetcher()) {
            assertThatThrownBy(() -> fetcher.fetch(local("/busy"), true))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FetchException.Kind.THROTTLED);
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
                    });
        }
    }

    @Test
    void carriesRetryAfterDateFromA503() {
        try (HttpFetcher fetcher = fetcher()) {
            assertThatThrownBy(() -> fetcher.fetch(local("/maintenance"), true))
                    .isInstanceOfSatisfying(FetchException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
        }
    }

    @Test
    void reportsOtherStatusesAsHttpStatusFailures() {
        try (HttpFetcher fetcher = fetcher()) {
            assertThat(kindOf(() -> fetcher.fetch(local("/gone"), true))).isEqualTo(FetchException.Kind.HTTP_STATUS);
        }
    }

    @Test
    void sendsNoConditionalHeadersWhenItHasNoValidators() throws FetchException {
        try (HttpFetcher fetcher = fetcher()) {
            assertThat(fetcher.fetch(local("/feed"), true, Optional.empty(), Optional.empty()).status()).isEqualTo(200);
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
