package org.raqib.ingest.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Which partition of {@code raqib.feeds} a feed lives on: the one of its URL's host, so every feed of one host is
 * polled by the single worker that holds that partition, and the per-host politeness of that worker's
 * {@code HostThrottle} holds across the whole group.
 *
 * <p>The partition is {@link String#hashCode()} of the host, lower-cased in {@link Locale#ROOT}, floor-modulo the
 * partition count. {@code String.hashCode} is fixed by the Java language specification, so every process and every
 * version computes the same partition; it changes only when the partition count does (push the feeds again after
 * adding partitions). The port, scheme and path play no part: two feeds of one host share a partition.
 */
public final class FeedPlacement {

    private FeedPlacement() {}

    /**
     * The partition for a feed at {@code feedUrl} among {@code partitions}.
     *
     * @throws IllegalArgumentException if the URL names no host or {@code partitions} is below 1
     */
    public static int partition(String feedUrl, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        return Math.floorMod(host(feedUrl).hashCode(), partitions);
    }

    /**
     * The lower-cased host of {@code feedUrl}, as the fetcher's per-host throttle names it.
     *
     * @throws IllegalArgumentException if the URL is not valid or names no host
     */
    public static String host(String feedUrl) {
        Objects.requireNonNull(feedUrl, "feedUrl");
        String host;
        try {
            host = new URI(feedUrl).getHost();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("feed url is not a valid address: " + feedUrl, e);
        }
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("feed url must name a host, got '" + feedUrl + "'");
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
