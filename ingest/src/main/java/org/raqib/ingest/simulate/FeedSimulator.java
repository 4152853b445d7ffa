package org.raqib.ingest.simulate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.raqib.core.model.Article;
import org.raqib.core.model.FeedDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local HTTP server (on loopback only) that turns a corpus into several outlets' feeds with new items appearing
 * over time.
 *
 * <ul>
 *   <li>Articles without a title or a body are left out; the rest are grouped by {@link Article#source()}; each outlet is served at {@code /feeds/<source>.xml} and its
 *       pages at {@code /articles/<source>/<n>.html}.</li>
 *   <li>Each outlet has a host of its own, as real outlets do, so the registry places their feeds on different
 *       partitions of {@code raqib.feeds}: outlet {@code i} (from 0) is served at loopback address
 *       {@code 127.0.0.1 + (i + 1)} ({@code 127.0.0.2}, {@code 127.0.0.3} … then {@code 127.0.1.0} …), all on one
 *       port. Linux routes the whole of 127.0.0.0/8 to the loopback interface, so this needs neither root nor a hosts
 *       file: the simulator binds one listener per address. Where only 127.0.0.1 can be bound (macOS without
 *       {@code lo0} aliases), every outlet falls back to 127.0.0.1, with a warning. {@link #baseUrl()} (127.0.0.1)
 *       lists every feed; every address serves every path.</li>
 *   <li>Outlets take turns in {@link FeedFormat} order: RSS 2.0, Atom 1.0, RSS in windows-1256, RSS with summaries
 *       only (its pages in a realistic news template), and again from the start.</li>
 *   <li>Each outlet starts with a few items; then {@code ratePerMinute} items appear per minute in all, round-robin
 *       across outlets, each published at the moment it appears. A feed shows its newest twenty.</li>
 *   <li>Feeds carry ETag and Last-Modified and answer 304 to a matching conditional GET; gzip when asked.</li>
 * </ul>
 */
@SuppressForbidden(reason = "com.sun.net.httpserver is the JDK's exported, supported HTTP server API (jdk.httpserver)")
public final class FeedSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedSimulator.class);

    /** Items each outlet shows when the simulator starts. */
    public static final int INITIAL_ITEMS = 5;

    private static final int FEED_LENGTH = 20;

    private final Clock clock;
    private final Instant start;
    private final double ratePerMinute;
    private final List<Outlet> outlets = new ArrayList<>();
    private final Map<String, Outlet> bySource = new LinkedHashMap<>();
    private final List<HttpServer> servers = new ArrayList<>();
    private final Map<String, String> hostBySource = new LinkedHashMap<>();
    private final int port;
    private final ExecutorService executor;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();

    /** One simulated outlet; {@code index} is its place in {@code outlets}, which fixes its schedule and address. */
    private record Outlet(int index, String source, FeedFormat format, List<Article> articles) {}

    /** A simulator on an ephemeral port using the system clock. */
    public FeedSimulator(List<Article> corpus, double ratePerMinute) throws IOException {
        this(corpus, 0, ratePerMinute, Clock.systemUTC(), 8);
    }

    /**
     * A simulator serving {@code corpus}.
     *
     * @param port the port on 127.0.0.1 and on each outlet's address; 0 for one free on all of them
     * @param ratePerMinute new items per minute across all outlets (0 for a static set)
     * @param clock decides which items have appeared
     * @param threads request-handling threads
     */
    public FeedSimulator(List<Article> corpus, int port, double ratePerMinute, Clock clock, int threads)
            throws IOException {
        Objects.requireNonNull(corpus, "corpus");
        if (ratePerMinute < 0 || Double.isNaN(ratePerMinute)) {
            throw new IllegalArgumentException("rate must be zero or more items per minute, got " + ratePerMinute);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        this.ratePerMinute = ratePerMinute;
        Map<String, List<Article>> grouped = new LinkedHashMap<>();
        corpus.stream()
                .filter(a -> !a.title().isBlank() && !a.body().isBlank())
                .sorted(Comparator.comparing((Article a) -> a.published().orElse(Instant.EPOCH)).thenComparing(Article::id))
                .forEach(a -> grouped.computeIfAbsent(safeName(a.source()), s -> new ArrayList<>()).add(a));
        if (grouped.isEmpty()) {
            throw new IllegalArgumentException(
                    "the corpus has no article with both a title and a body; give the simulator at least one");
        }
        FeedFormat[] formats = FeedFormat.values();
        for (Map.Entry<String, List<Article>> e : grouped.entrySet()) {
            Outlet outlet = new Outlet(outlets.size(), e.getKey(), formats[outlets.size() % formats.length],
                    List.copyOf(e.getValue()));
            outlets.add(outlet);
            bySource.put(outlet.source(), outlet);
        }
        AtomicInteger names = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "raqib-feed-simulator-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        boolean ownHosts = loopbackAliasesWork();
        if (!ownHosts) {
            log.warn("Feed simulator: cannot bind 127.0.0.2 here, so every outlet is served from 127.0.0.1 (their"
                    + " feeds will share one partition of raqib.feeds)");
        }
        for (int i = 0; i < outlets.size(); i++) {
            hostBySource.put(outlets.get(i).source(), ownHosts ? outletAddress(i).getHostAddress() : "127.0.0.1");
        }
        try {
            this.port = listen(port, ownHosts);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
    }

    /** Binds 127.0.0.1 and every outlet's address on one port ({@code requested}, or a free one when 0). */
    private int listen(int requested, boolean ownHosts) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpServer first = bind(InetAddress.getLoopbackAddress(), requested);
                int bound = first.getAddress().getPort();
                for (int i = 0; ownHosts && i < outlets.size(); i++) {
                    bind(outletAddress(i), bound);
                }
                servers.forEach(HttpServer::start);
                return bound;
            } catch (BindException e) {
                servers.forEach(s -> s.stop(0));
                servers.clear();
                // An ephemeral port free on 127.0.0.1 may be taken on another loopback address: try another.
                if (requested != 0 || attempt == 5) {
                    String where = ownHosts ? "127.0.0.1 and the outlets' addresses 127.0.0.2 to "
                            + outletAddress(outlets.size() - 1).getHostAddress() : "127.0.0.1";
                    throw new BindException("cannot listen on port " + requested + " of " + where + ": "
                            + e.getMessage() + "; choose another port");
                }
            }
        }
    }

    private HttpServer bind(InetAddress address, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 256);
        servers.add(server);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        return server;
    }

    /** Outlet {@code i}'s own loopback address: 127.0.0.1 plus {@code i + 1}. */
    static InetAddress outletAddress(int i) {
        if (i < 0 || i > 0xFFFFFC) { // up to 127.255.255.254: the last of 127.0.0.0/8 is its broadcast address
            throw new IllegalArgumentException("the simulator gives at most 16777213 outlets an address, got " + i);
        }
        int n = 0x7F000001 + i + 1;
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8),
                    (byte) n});
        } catch (IOException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /** Whether loopback addresses other than 127.0.0.1 can be bound (Linux: yes; macOS: only with aliases). */
    private static boolean loopbackAliasesWork() {
        try (ServerSocket probe = new ServerSocket(0, 1, outletAddress(0))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The simulator's index address, {@code http://127.0.0.1:PORT}; it lists every feed. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The port every address listens on. */
    public int port() {
        return port;
    }

    /** The address of {@code source}'s own host, {@code http://127.0.0.N:PORT}. */
    public URI sourceUrl(String source) {
        return URI.create("http://" + hostBySource.get(outlet(source).source()) + ":" + port);
    }

    /** The outlets' names, in the order their formats were assigned. */
    public List<String> sources() {
        return outlets.stream().map(Outlet::source).toList();
    }

    /** How {@code source} serves its feed. */
    public FeedFormat format(String source) {
        return outlet(source).format();
    }

    /** The feed address of {@code source}. */
    public URI feedUrl(String source) {
        return sourceUrl(source).resolve("/feeds/" + outlet(source).source() + ".xml");
    }

    /** Feed definitions for every outlet, polled every 1 to 30 seconds, allowed on loopback. */
    public List<FeedDefinition> feeds() {
        return feeds(Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** Feed definitions for every outlet with the given poll bounds; the summary-only outlet is marked fullText. */
    public List<FeedDefinition> feeds(Duration minInterval, Duration maxInterval) {
        return outlets.stream()
                .map(o -> new FeedDefinition("sim-" + o.source(), feedUrl(o.source()).toString(), "محاكي " + o.source(),
                        o.source(), "ar", List.of("simulated", o.format().name().toLowerCase(Locale.ROOT)),
                        minInterval, maxInterval, o.format() == FeedFormat.RSS_SUMMARY_ONLY, true))
                .toList();
    }

    /** How many items {@code source} shows now (appeared so far, at most all of its articles). */
    public int published(String source) {
        Outlet outlet = outlet(source);
        return visible(outlet.index(), outlet);
    }

    /** Requests served so far, and how many of them were answered 304. */
    public long requests() {
        return requests.get();
    }

    /** Requests answered 304 so far. */
    public long notModified() {
        return notModified.get();
    }

    private Outlet outlet(String source) {
        Outlet outlet = bySource.get(source);
        if (outlet == null) {
            throw new IllegalArgumentException("no simulated source '" + source + "'; sources are " + bySource.keySet());
        }
        return outlet;
    }

    private long released(Instant now) {
        double minutes = Duration.between(start, now).toMillis() / 60_000.0;
        return minutes <= 0 ? 0 : (long) Math.floor(minutes * ratePerMinute);
    }

    private int visible(int index, Outlet outlet) {
        long released = released(clock.instant());
        long n = outlets.size();
        long mine = released / n + (index < released % n ? 1 : 0);
        return (int) Math.min(outlet.articles().size(), INITIAL_ITEMS + mine);
    }

    /** When item {@code k} of outlet {@code index} appeared. */
    private Instant appearedAt(int index, int k) {
        if (k < INITIAL_ITEMS) {
            return start.minus(Duration.ofMinutes(INITIAL_ITEMS - k));
        }
        if (ratePerMinute <= 0) {
            return start;
        }
        long release = (long) (k - INITIAL_ITEMS) * outlets.size() + index + 1;
        return start.plusMillis((long) Math.ceil(release * 60_000.0 / ratePerMinute));
    }

    private SimulatedItem item(int index, Outlet outlet, int k) {
        return new SimulatedItem(outlet.source(), k, outlet.articles().get(k), appearedAt(index, k));
    }

    private String pageUrl(SimulatedItem item) {
        return sourceUrl(item.source()).resolve("/articles/" + item.source() + "/" + item.index() + ".html").toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=UTF-8", "GET only\n".getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/feeds/") && path.endsWith(".xml")) {
                serveFeed(exchange, path.substring("/feeds/".length(), path.length() - ".xml".length()));
            } else if (path.startsWith("/articles/") && path.endsWith(".html")) {
                servePage(exchange, path.substring("/articles/".length(), path.length() - ".html".length()));
            } else if (path.equals("/")) {
                StringBuilder index = new StringBuilder("Raqib feed simulator\n");
                outlets.forEach(o -> index.append(feedUrl(o.source())).append("  ").append(o.format()).append('\n'));
                send(exchange, 200, "text/plain; charset=UTF-8", index.toString().getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 404, "text/plain; charset=UTF-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void serveFeed(HttpExchange exchange, String source) throws IOException {
        Outlet outlet = bySource.get(source);
        if (outlet == null) {
            send(exchange, 404, "text/plain; charset=UTF-8", "no such feed\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        int index = outlet.index();
        int count = visible(index, outlet);
        Instant lastModified = appearedAt(index, count - 1);
        String etag = "\"" + outlet.source() + "-" + count + "\"";
        String lastModifiedHeader = FeedWriter.rfc822(lastModified);
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.getResponseHeaders().set("Last-Modified", lastModifiedHeader);
        exchange.getResponseHeaders().set("Cache-Control", "max-age=0");
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        if (etag.equals(ifNoneMatch) || (ifNoneMatch == null && lastModifiedHeader.equals(ifModifiedSince))) {
            notModified.incrementAndGet();
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        List<SimulatedItem> items = new ArrayList<>();
        for (int k = count - 1; k >= 0 && items.size() < FEED_LENGTH; k--) {
            items.add(item(index, outlet, k));
        }
        byte[] body = FeedWriter.render(outlet.format(), outlet.source(), feedUrl(outlet.source()).toString(),
                sourceUrl(outlet.source()).toString(), items, lastModified, this::pageUrl);
        send(exchange, 200, FeedWriter.contentType(outlet.format()), body);
    }

    private void servePage(HttpExchange exchange, String rest) throws IOException {
        int slash = rest.indexOf('/');
        Outlet outlet = slash < 0 ? null : bySource.get(rest.substring(0, slash));
        Optional<Integer> k = Optional.empty();
        if (outlet != null) {
            try {
                k = Optional.of(Integer.parseInt(rest.substring(slash + 1)));
            } catch (NumberFormatException e) {
                k = Optional.empty(); // not a page number: answered 404 below
            }
        }
        int index = outlet == null ? -1 : outlet.index();
        if (outlet == null || k.isEmpty() || k.get() < 0 || k.get() >= visible(index, outlet)) {
            send(exchange, 404, "text/html; charset=UTF-8", "<html><body>الصفحة غير موجودة</body></html>"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        List<SimulatedItem> others = new ArrayList<>();
        for (int j = k.get() - 1; j >= 0 && others.size() < 4; j--) {
            others.add(item(index, outlet, j));
        }
        String html = ArticlePage.render(item(index, outlet, k.get()), others, this::pageUrl);
        send(exchange, 200, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        byte[] payload = body;
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip") && body.length > 1024) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(body.length / 3);
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(body);
            }
            payload = zipped.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : payload.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(payload);
            }
        }
    }

    private static String safeName(String source) {
        String name = source == null ? "" : source.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "source" : name;
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        executor.shutdownNow();
        try {
            // Handlers are short; a thread still writing to a vanished client ends with its socket.
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
