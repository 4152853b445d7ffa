package org.raqib.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a feed's bytes as a feed reader should: a byte-order mark wins, then the XML declaration, then the HTTP
 * header, then UTF-8. Arabic sites often declare one charset and send another, so a declaration is trusted only if
 * the bytes decode cleanly under it; otherwise valid UTF-8 is taken as UTF-8, and anything else as windows-1256,
 * the Arabic legacy charset.
 */
final class Charsets {

    static final Charset WINDOWS_1256 = Charset.forName("windows-1256");

    private static final Pattern PROLOG = Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern HEADER = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private Charsets() {}

    static String decode(byte[] bytes, Optional<String> contentType) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Optional<Charset> declared = find(PROLOG, head.stripLeading())
                .or(() -> contentType.flatMap(type -> find(HEADER, type)));
        if (declared.isPresent()) {
            Charset charset = declared.get();
            if (charset.name().toUpperCase(Locale.ROOT).startsWith("UTF")) {
                Optional<String> text = strict(bytes, charset);
                if (text.isPresent()) {
                    return text.get();
                }
            } else {
                // A single-byte declaration decodes anything; valid UTF-8 with high bytes is almost never an accident.
                Optional<String> utf8 = hasHighBytes(bytes) ? strict(bytes, StandardCharsets.UTF_8) : Optional.empty();
                return utf8.orElseGet(() -> new String(bytes, charset));
            }
        }
        return strict(bytes, StandardCharsets.UTF_8).orElseGet(() -> new String(bytes, WINDOWS_1256));
    }

    private static boolean hasHighBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> strict(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Charset> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(m.group(1).toLowerCase(Locale.ROOT)));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
