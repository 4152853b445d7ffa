package org.raqib.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Fetches feeds and article pages over the JDK {@link HttpClient}, defensively.
 *
 * <ul>
 *   <li>Redirects are followed here, not by the client, at most {@link FetchLimits#maxRedirects()} of them, and
 *       every hop is checked by the {@link AddressGuard} (scheme, host, every resolved address) right before its
 *       request. The JVM caches the answer the guard got, so the client connects to the address that was checked.</li>
 *   <li>Conditional GET with the caller's ETag and Last-Modified; 304 comes back as {@link FetchResponse#notModified()}.</li>
 *   <li>gzip and deflate bodies are accepted and decompressed with the same cap as the raw body, so neither a 1 GB
 *       response nor a gzip bomb is ever held in memory; a hop that takes longer than the read timeout, headers and
 *       body together, is abandoned.</li>
 *   <li>429 and 503 fail with kind {@code THROTTLED} carrying the server's Retry-After.</li>
 *   <li>The {@link HostThrottle} keeps requests to one host few and spaced.</li>
 * </ul>
 */
public final class HttpFetcher implements AutoCloseable {

    private static final int NON_SUCCESS_BODY_LIMIT = 16 * 1024;
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(24);

    private final FetchLimits limits;
    private final AddressGuard guard;
    private final HostThrottle throttle;
    private final Clock clock;
    private final ExecutorService executor;
    private final HttpClient client;

    /** A fetcher with these limits, the system resolver and the system clock. */
    public HttpFetcher(FetchLimits limits) {
        this(limits, new AddressGuard(limits.allowPrivateEverywhere()), Clock.systemUTC());
    }

    /** A fetcher with its own guard (resolver) and clock. */
    public HttpFetcher(FetchLimits limits, AddressGuard guard, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.throttle = new HostThrottle(limits.perHostConcurrency(), limits.perHostDelay());
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "raqib-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(limits.connectTimeout())
                .executor(executor)
                .build();
    }

    /** Fetches {@code address} unconditionally. */
    public FetchResponse fetch(URI address, boolean allowPrivate) throws FetchException {
        return fetch(address, allowPrivate, Optional.empty(), Optional.empty());
    }

    /**
     * Fetches {@code address}, conditionally when validators are given.
     *
     * @param allowPrivate whether this feed may reach non-public addresses
     * @param etag the ETag from the previous response
     * @param lastModified the Last-Modified from the previous response
     * @return a 2xx body or a 304
     * @throws FetchException with the kind of failure
     */
    public FetchResponse fetch(URI address, boolean allowPrivate, Optional<String> etag, Optional<String> lastModified)
            throws FetchException {
        URI current = Objects.requireNonNull(address, "address");
        Set<URI> seen = new HashSet<>();
        for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
            if (!seen.add(current)) {
                throw new FetchException(FetchException.Kind.REDIRECT, "redirect loop at " + current);
            }
            guard.check(current, allowPrivate);
            HttpResponse<byte[]> response = send(current, etag, lastModified);
            int status = response.statusCode();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                current = redirectTarget(current, response);
                continue;
            }
            if (status == 304) {
                return new FetchResponse(304, current, new byte[0], Optional.empty(),
                        response.headers().firstValue("ETag").or(() -> etag),
                        response.headers().firstValue("Last-Modified").or(() -> lastModified));
            }
            if (status == 429 || status == 503) {
                throw new FetchException(FetchException.Kind.THROTTLED, "server answered " + status + " for " + current,
                        retryAfter(response).orElse(null), null);
            }
            if (status < 200 || status > 299) {
                throw new FetchException(FetchException.Kind.HTTP_STATUS, "server answered " + status + " for " + current);
            }
            byte[] body = decode(response);
            return new FetchResponse(status, current, body, response.headers().firstValue("Content-Type"),
                    response.headers().firstValue("ETag"), response.headers().firstValue("Last-Modified"));
        }
        throw new FetchException(FetchException.Kind.REDIRECT,
                "more than " + limits.maxRedirects() + " redirects from " + address);
    }

    private HttpResponse<byte[]> send(URI uri, Optional<String> etag, Optional<String> lastModified)
            throws FetchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(limits.readTimeout())
                .header("User-Agent", limits.userAgent())
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9,"
                        + " text/html;q=0.8, */*;q=0.5")
                .header("Accept-Encoding", "gzip, deflate");
        etag.ifPresent(v -> request.header("If-None-Match", v));
        lastModified.ifPresent(v -> request.header("If-Modified-Since", v));
        HttpResponse.BodyHandler<byte[]> handler = info -> new CappedBody(
                info.statusCode() >= 200 && info.statusCode() <= 299 ? limits.maxBodyBytes() : NON_SUCCESS_BODY_LIMIT,
                info.statusCode() >= 200 && info.statusCode() <= 299);
        CompletableFuture<HttpResponse<byte[]>> future = null;
        try (HostThrottle.Permit permit = throttle.acquire(uri.getHost())) {
            future = client.sendAsync(request.build(), handler);
            // The request timeout covers only the headers; this deadline also covers a body that never ends.
            return future.get(limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            cancel(future);
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.NETWORK, "interrupted while fetching " + uri);
        } catch (TimeoutException e) {
            cancel(future);
            throw new FetchException(FetchException.Kind.TIMEOUT,
                    "no complete response from " + uri + " within " + limits.readTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            throw failure(uri, e.getCause());
        }
    }

    private static void cancel(CompletableFuture<?> future) {
        if (future != null) {
            future.cancel(true);
        }
    }

    private FetchException failure(URI uri, Throwable cause) {
        Throwable c = cause;
        while (c != null) {
            if (c instanceof CappedBody.TooLarge) {
                return new FetchException(FetchException.Kind.TOO_LARGE, c.getMessage() + " at " + uri);
            }
            if (c instanceof HttpConnectTimeoutException) {
                return new FetchException(FetchException.Kind.TIMEOUT, "connecting to " + uri + " timed out");
            }
            if (c instanceof HttpTimeoutException) {
                return new FetchException(FetchException.Kind.TIMEOUT, "no response from " + uri + " in time");
            }
            if (c instanceof ConnectException) {
                return new FetchException(FetchException.Kind.NETWORK, "cannot connect to " + uri);
            }
            c = c.getCause();
        }
        return new FetchException(FetchException.Kind.NETWORK, "fetching " + uri + " failed: " + cause, null, cause);
    }

    private static URI redirectTarget(URI from, HttpResponse<?> response) throws FetchException {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new FetchException(
                FetchException.Kind.REDIRECT, "redirect without Location from " + from));
        try {
            URI target = from.resolve(new URI(location.strip().replace(" ", "%20")));
            if (target.getFragment() != null) {
                target = new URI(target.getScheme(), target.getRawSchemeSpecificPart(), null);
            }
            return target;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.REDIRECT, "unusable redirect Location '" + location + "' from " + from);
        }
    }

    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(clock.instant(), until);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return Optional.of(wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait);
    }

    private byte[] decode(HttpResponse<byte[]> response) throws FetchException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").strip()
                .toLowerCase(Locale.ROOT);
        byte[] raw = response.body();
        try {
            return switch (encoding) {
                case "", "identity" -> raw;
                case "gzip", "x-gzip" -> inflate(new GZIPInputStream(new ByteArrayInputStream(raw)));
                case "deflate" -> inflateDeflate(raw);
                default -> throw new FetchException(FetchException.Kind.ENCODING,
                        "unsupported Content-Encoding '" + encoding + "' from " + response.uri());
            };
        } catch (IOException e) {
            throw new FetchException(FetchException.Kind.ENCODING,
                    "cannot decompress " + encoding + " body from " + response.uri() + ": " + e.getMessage());
        }
    }

    private byte[] inflateDeflate(byte[] raw) throws IOException, FetchException {
        // "deflate" should be zlib-wrapped, but some servers send raw deflate; try both, as browsers do.
        try {
            return inflate(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(false)));
        } catch (ZipException e) {
            return inflate(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(true)));
        }
    }

    private byte[] inflate(InputStream in) throws IOException, FetchException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > limits.maxBodyBytes()) {
                    throw new FetchException(FetchException.Kind.TOO_LARGE,
                            "decompressed body is larger than " + limits.maxBodyBytes() + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
