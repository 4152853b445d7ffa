package org.raqib.ingest.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Absolute, canonical article links: resolved against a base, scheme and host lower-cased, the fragment and
 * tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, ...) removed, other parameters kept in order,
 * so the same article reached through two campaigns is one article.
 */
public final class Links {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid",
            "mc_cid", "mc_eid", "_ga", "_gl", "ocid", "cmpid", "spm");

    private Links() {}

    /** The canonical absolute form of {@code link} resolved against {@code base}, if it is an http(s) address. */
    public static Optional<String> canonical(String link, URI base) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(link.strip().replace(" ", "%20"));
            if (!uri.isAbsolute() && base != null) {
                uri = base.resolve(uri);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null) {
                return Optional.empty();
            }
            String query = uri.getRawQuery() == null ? null : stripTracking(uri.getRawQuery());
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            StringBuilder b = new StringBuilder(scheme).append("://").append(uri.getRawAuthority().toLowerCase(Locale.ROOT))
                    .append(path);
            if (query != null && !query.isEmpty()) {
                b.append('?').append(query);
            }
            return Optional.of(b.toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String stripTracking(String query) {
        List<String> kept = new ArrayList<>();
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!pair.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }
}
