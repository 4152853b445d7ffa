package org.raqib.ingest.extract;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charset a page is read in: the HTTP header's; else, for a page that declares none and is not UTF-8,
 * windows-1256 (the Arabic legacy charset, as browsers here guess); else UTF-8 when the page's head can only mean it;
 * else none, and jsoup reads the BOM and the meta tags.
 *
 * <p>Left to itself, jsoup parses the first 5 KB of every page a first time to look for a meta charset, then the
 * whole page again: a twentieth of the extraction's time. Most pages declare UTF-8 in a way a byte scan can read
 * with certainty (see {@link #certainlyUtf8}); those are read once.
 */
final class PageCharset {

    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)",
            Pattern.CASE_INSENSITIVE);

    /** How far jsoup's first parse reads (5 KB), and more: the scan below must see everything it can see. */
    private static final int SCANNED = 6 * 1024;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private PageCharset() {}

    /** The charset to read {@code bytes} in, or null to let jsoup decide. */
    static String of(byte[] bytes, Optional<String> contentType) {
        Optional<String> header = contentType.flatMap(type -> {
            Matcher m = HEADER_CHARSET.matcher(type);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        });
        if (header.isPresent() && Charset.isSupported(header.get())) {
            return header.get();
        }
        boolean declared = indexOf(bytes, Math.min(bytes.length, 4096), "charset", 0) >= 0
                || (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF);
        if (!declared && !validUtf8(bytes)) {
            return "windows-1256";
        }
        return certainlyUtf8(bytes) ? "UTF-8" : null;
    }

    /**
     * Whether jsoup, reading the BOM, the meta tags and the XML declaration of the page's first 5 KB, could only
     * choose UTF-8: there is no byte-order mark; every "charset" in the first {@value #SCANNED} bytes (in any case) is
     * followed by {@code =} and {@code utf-8} or {@code utf8}, as in {@code <meta charset="utf-8">} and {@code
     * content="text/html; charset=UTF-8"}; no "encoding" could name another charset in an XML declaration; and no
     * character reference ({@code &#...}) could spell one in an {@code http-equiv} content. Anything else, including
     * a declaration in a comment or script, leaves the choice to jsoup.
     */
    static boolean certainlyUtf8(byte[] bytes) {
        if (bytes.length > 0 && ((bytes[0] & 0xFF) == 0xEF || (bytes[0] & 0xFF) >= 0xFE || bytes[0] == 0)) {
            return false;
        }
        int end = Math.min(bytes.length, SCANNED);
        if (indexOf(bytes, end, "encoding", 0) >= 0
                || indexOf(bytes, end, "http-equiv", 0) >= 0 && indexOf(bytes, end, "&#", 0) >= 0) {
            return false;
        }
        for (int at = indexOf(bytes, end, "charset", 0); at >= 0; at = indexOf(bytes, end, "charset", at + 1)) {
            int i = skipSpaces(bytes, end, at + "charset".length());
            if (i >= end || bytes[i] != '=') {
                return false;
            }
            i = skipSpaces(bytes, end, i + 1);
            if (i < end && (bytes[i] == '"' || bytes[i] == '\'')) {
                i++;
            }
            int name = startsWith(bytes, end, i, "utf-8") ? 5 : startsWith(bytes, end, i, "utf8") ? 4 : 0;
            if (name == 0 || i + name >= end || isNameByte(bytes[i + name])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code bytes} are well-formed UTF-8, checked byte by byte (eight at a time where they are ASCII):
     * decoding a whole page into a throw-away buffer cost a twentieth of the extraction's time.
     */
    static boolean validUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            if (i + 8 <= bytes.length && ((long) LONGS.get(bytes, i) & 0x8080808080808080L) == 0) {
                i += 8;
                continue;
            }
            int b = bytes[i] & 0xFF;
            int continuation;
            if (b < 0x80) {
                i++;
                continue;
            } else if (b >= 0xC2 && b <= 0xDF) {
                continuation = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                continuation = 2;
            } else if (b >= 0xF0 && b <= 0xF4) {
                continuation = 3;
            } else {
                return false;
            }
            if (i + continuation >= bytes.length) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
            int low = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
            int high = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
            if (second < low || second > high) {
                return false;
            }
            for (int k = 2; k <= continuation; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += continuation + 1;
        }
        return true;
    }

    /** Where {@code word} (lower case ASCII) first occurs in {@code bytes[from, end)}, in any case; -1 if nowhere. */
    private static int indexOf(byte[] bytes, int end, String word, int from) {
        char first = word.charAt(0);
        for (int i = from; i + word.length() <= end; i++) {
            if (lower(bytes[i]) == first && startsWith(bytes, end, i, word)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int end, int at, String word) {
        if (at + word.length() > end) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (lower(bytes[at + k]) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    private static int skipSpaces(byte[] bytes, int end, int from) {
        int i = from;
        while (i < end && (bytes[i] == ' ' || bytes[i] >= '\t' && bytes[i] <= '\r')) {
            i++;
        }
        return i;
    }

    /**
     * A byte that could continue a charset name ("utf-8x", "utf-8_mac") or a character reference that would: anything
     * but a quote, space or separator.
     */
    private static boolean isNameByte(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_'
                || b == '.' || b == ':' || b == '&' || b < 0;
    }
}
