package org.raqib.ingest.poll;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable article ids: {@code a-} and the first 16 hex digits of SHA-256 over the feed id and the entry id. The same
 * entry of the same feed gets the same id on every worker and after every restart, which is what lets a re-poll after
 * a crash be recognised as a repeat.
 */
public final class ArticleIds {

    private ArticleIds() {}

    /** The id of entry {@code entryId} of feed {@code feedId}. */
    public static String of(String feedId, String entryId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(feedId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0); // separator, so ("ab","c") and ("a","bc") differ
            sha.update(entryId.getBytes(StandardCharsets.UTF_8));
            return "a-" + HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
