package org.raqib.streams.stories;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A MinHash signature of a text's word 3-shingles, for finding near-duplicate articles, and a partitioning key.
 *
 * <p>Two texts whose shingle sets have Jaccard similarity J agree on each signature component with probability J,
 * so the share of equal components estimates J. The key is the MinHash of the text's set of words (three letters
 * or more): copies of a story share it with probability equal to their word-set similarity, which stays above 0.9
 * for syndicated copies and light edits, where shingle similarity falls faster. One repartition by that key is the
 * price of clustering across partitions; banded LSH with a fan-in would need two repartitions and an aggregation
 * for a few points of recall.
 *
 * @param hashes the MinHash components; empty when the text is too short to have shingles
 * @param keyHash MinHash of the word set
 */
public record StorySignature(int[] hashes, int keyHash) {

    /** Components per signature: estimates J within about ±0.09 (one standard deviation at J = 0.5). */
    public static final int SIZE = 32;

    private static final int SHINGLE = 3;
    private static final int FNV_START = 0x9747b28c;
    private static final int FNV_PRIME = 0x01000193;
    private static final int[] SEEDS = seeds();

    /** The signature of {@code text}; folding makes diacritics and Arabic letter variants irrelevant. */
    public static StorySignature of(String text) {
        List<String> words = words(text);
        if (words.size() < SHINGLE) {
            return new StorySignature(new int[0], 0);
        }
        // Each word is encoded once; a shingle's hash runs over its three words' bytes with a space between, the
        // bytes of "w1 w2 w3", without building that string.
        byte[][] utf8 = new byte[words.size()][];
        int keyHash = Integer.MAX_VALUE;
        for (int i = 0; i < utf8.length; i++) {
            String word = words.get(i);
            utf8[i] = word.getBytes(StandardCharsets.UTF_8);
            if (word.length() >= 3) {
                keyHash = Math.min(keyHash, mix(fnv(FNV_START, utf8[i])));
            }
        }
        int[] mins = new int[SIZE];
        java.util.Arrays.fill(mins, Integer.MAX_VALUE);
        for (int i = 0; i + SHINGLE <= utf8.length; i++) {
            int h = fnv(FNV_START, utf8[i]);
            for (int j = 1; j < SHINGLE; j++) {
                h = fnv((h ^ ' ') * FNV_PRIME, utf8[i + j]);
            }
            int base = mix(h);
            for (int k = 0; k < SIZE; k++) {
                int m = mix(base ^ SEEDS[k]);
                if (m < mins[k]) {
                    mins[k] = m;
                }
            }
        }
        return new StorySignature(mins, keyHash);
    }

    /** Whether the text had enough words to be compared. */
    public boolean comparable() {
        return hashes.length == SIZE;
    }

    /** The partitioning key: copies of one story share it with probability equal to their word-set similarity. */
    public String key() {
        return comparable() ? Integer.toHexString(keyHash) : "";
    }

    /** Estimated Jaccard similarity of the two texts' shingle sets, 0..1; 0 when either is not comparable. */
    public double similarity(StorySignature other) {
        if (!comparable() || !other.comparable()) {
            return 0;
        }
        int same = 0;
        for (int k = 0; k < SIZE; k++) {
            if (hashes[k] == other.hashes[k]) {
                same++;
            }
        }
        return same / (double) SIZE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StorySignature s && keyHash == s.keyHash && java.util.Arrays.equals(hashes, s.hashes);
    }

    @Override
    public int hashCode() {
        return 31 * keyHash + java.util.Arrays.hashCode(hashes);
    }

    @Override
    public String toString() {
        return "StorySignature[" + key() + "]";
    }

    /** Letters and digits only, diacritics dropped and Arabic letter variants folded, lower case. */
    private static List<String> words(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            char c = fold(n.charAt(i));
            if (c == 0) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** Folds Arabic variants that editors change freely; returns 0 for marks to drop. */
    private static char fold(char c) {
        if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640') {
            return 0;
        }
        return switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
            case 'ى' -> 'ي';
            case 'ة' -> 'ه';
            default -> c;
        };
    }

    /** FNV-1a (32-bit) over {@code bytes}, continuing from {@code h}. */
    private static int fnv(int h, byte[] bytes) {
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        return h;
    }

    /** Murmur3's finaliser: spreads every input bit over the whole word. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static int[] seeds() {
        int[] seeds = new int[SIZE];
        int x = 0x2545F491;
        for (int i = 0; i < SIZE; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            seeds[i] = x;
        }
        return seeds;
    }
}
