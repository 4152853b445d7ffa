package org.raqib.ingest.fetch;

import java.time.Duration;
import java.util.Objects;
import org.raqib.core.config.IngestSettings;

/**
 * How an {@link HttpFetcher} behaves on the web.
 *
 * @param userAgent the honest User-Agent sent with every request
 * @param connectTimeout longest wait for a connection
 * @param readTimeout longest wait for one whole response (headers and body) of one hop
 * @param maxBodyBytes largest body read, before and after decompression
 * @param maxRedirects most redirects followed (each hop checked by the {@link AddressGuard})
 * @param perHostConcurrency most requests in flight to one host
 * @param perHostDelay shortest time between the starts of two requests to one host
 * @param allowPrivateEverywhere whether the SSRF guard is off for every feed
 */
public record FetchLimits(
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        int maxBodyBytes,
        int maxRedirects,
        int perHostConcurrency,
        Duration perHostDelay,
        boolean allowPrivateEverywhere) {

    /** The limit: at most five redirects. */
    public static final int MAX_REDIRECTS = 5;

    public FetchLimits {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(perHostDelay, "perHostDelay");
        if (maxBodyBytes < 1 || maxRedirects < 0 || perHostConcurrency < 1) {
            throw new IllegalArgumentException("maxBodyBytes and perHostConcurrency must be positive and maxRedirects"
                    + " not negative, got " + maxBodyBytes + ", " + perHostConcurrency + ", " + maxRedirects);
        }
    }

    /** The limits the configuration sets. */
    public static FetchLimits from(IngestSettings settings) {
        return new FetchLimits(settings.userAgent(), settings.connectTimeout(), settings.readTimeout(),
                settings.maxBodyBytes(), MAX_REDIRECTS, settings.perHostConcurrency(), settings.perHostDelay(),
                settings.allowPrivateAddresses());
    }

    /** These limits with another per-host delay (benchmarks against one local simulator host use zero). */
    public FetchLimits withPerHostDelay(Duration delay) {
        return new FetchLimits(userAgent, connectTimeout, readTimeout, maxBodyBytes, maxRedirects, perHostConcurrency,
                delay, allowPrivateEverywhere);
    }

    /** These limits with another per-host concurrency. */
    public FetchLimits withPerHostConcurrency(int concurrency) {
        return new FetchLimits(userAgent, connectTimeout, readTimeout, maxBodyBytes, maxRedirects, concurrency,
                perHostDelay, allowPrivateEverywhere);
    }
}
