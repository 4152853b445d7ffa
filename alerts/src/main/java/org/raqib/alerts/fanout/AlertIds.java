package org.raqib.alerts.fanout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable alert ids: a hash of the article id and the subscription id, so the same match and subscription always
 * give the same id — after a restart, a rebalance or a replay — and receivers can dedupe by it.
 */
public final class AlertIds {

    private AlertIds() {}

    /** The id of the alert of article {@code articleId} for subscription {@code subscriptionId}. */
    public static String of(String articleId, String subscriptionId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // The separator cannot occur in either id's UTF-8 bytes, so distinct pairs never hash the same input.
            sha.update(articleId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(subscriptionId.getBytes(StandardCharsets.UTF_8));
            return "al-" + HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256, which every Java runtime must provide", e);
        }
    }
}
