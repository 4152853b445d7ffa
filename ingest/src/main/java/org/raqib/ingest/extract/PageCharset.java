package org.raqib.ingest.extract;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
        String head = head(bytes);
        int charset = head.indexOf("charset");
        boolean declared = charset >= 0 && charset + "charset".length() <= 4096
                || (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF);
        if (!declared && !validUtf8(bytes)) {
            return "windows-1256";
        }
        return certainlyUtf8(bytes, head) ? "UTF-8" : null;
    }

    /**
     * The first {@value #SCANNED} bytes, one character each, ASCII letters in lower case: searching a string beats
     * comparing bytes one by one.
     */
    private static String head(byte[] bytes) {
        return new String(bytes, 0, Math.min(bytes.length, SCANNED), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
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
        return certainlyUtf8(bytes, head(bytes));
    }

    private static boolean certainlyUtf8(byte[] bytes, String head) {
        if (bytes.length > 0 && ((bytes[0] & 0xFF) == 0xEF || (bytes[0] & 0xFF) >= 0xFE || bytes[0] == 0)) {
            return false;
        }
        if (head.contains("encoding") || head.contains("http-equiv") && head.contains("&#")) {
            return false;
        }
        for (int at = head.indexOf("charset"); at >= 0; at = head.indexOf("charset", at + 1)) {
            int i = skipSpaces(head, at + "charset".length());
            if (i >= head.length() || head.charAt(i) != '=') {
                return false;
            }
            i = skipSpaces(head, i + 1);
            if (i < head.length() && (head.charAt(i) == '"' || head.charAt(i) == '\'')) {
                i++;
            }
            int name = head.startsWith("utf-8", i) ? 5 : head.startsWith("utf8", i) ? 4 : 0;
            if (name == 0 || i + name >= head.length() || isNameChar(head.charAt(i + name))) {
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

    private static int skipSpaces(String head, int from) {
        int i = from;
        while (i < head.length() && (head.charAt(i) == ' ' || head.charAt(i) >= '\t' && head.charAt(i) <= '\r')) {
            i++;
        }
        return i;
    }

    /**
     * A character that could continue a charset name ("utf-8x", "utf-8_mac") or a character reference that would:
     * anything but a quote, space or separator.
     */
    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':' || c == '&'
                || c >= 0x80;
    }
}
