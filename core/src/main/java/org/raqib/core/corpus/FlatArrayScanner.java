package org.raqib.core.corpus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.raqib.core.json.Json;

/**
 * Reads a JSON array of flat objects whose values are all strings (the shape of a SaudiNewsNet file) straight from
 * its UTF-8 bytes, in one pass over each string. One field's value can stay undecoded as an {@link EncodedText}.
 *
 * <p>It reads only what it is sure of and stops at the first object that is not plainly of that shape (a value that
 * is not a string, an escaped field name, a string Jackson would reject, anything but JSON whitespace between
 * tokens): the caller then lets Jackson read the file from that object on, so a file gives the same values and the
 * same errors as it did when Jackson read it all. The reason to own this much parsing: with Jackson, a long string
 * that stays encoded still costs a pass to skip it, which was as much as the rest of reading the string.
 *
 * <p>Not thread-safe: one instance reads one file.
 */
final class FlatArrayScanner {

    /** Receives the objects read, in file order. */
    interface Objects {
        /**
         * One object: {@code values} in the order of the names (a field that is absent is ""; a repeated one keeps its
         * last value) and the kept field's value when it stays encoded, in which case its place in {@code values} is
         * "".
         */
        void object(String[] values, EncodedText kept) throws IOException;
    }

    private final byte[] bytes;
    private final int end;
    private final byte[][] names;
    private final int kept;
    private final int maxLength;
    private final int maxNameLength;
    private int pos;

    // The last string scanned: the quote that ends it, its stripped bounds, and how it is spelt.
    private int closing;
    private int first;
    private int last;
    private long low;
    private long high;
    private boolean canonical;
    private boolean escaped;

    /**
     * @param bytes the file
     * @param names the fields to read
     * @param kept the index in {@code names} of the field whose value may stay encoded
     */
    FlatArrayScanner(byte[] bytes, List<String> names, int kept) {
        this.bytes = bytes;
        this.end = bytes.length;
        this.names = names.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.kept = kept;
        this.maxLength = Json.mapper().getFactory().streamReadConstraints().getMaxStringLength();
        this.maxNameLength = Json.mapper().getFactory().streamReadConstraints().getMaxNameLength();
    }

    /**
     * Hands {@code each} the objects from the start of the file; returns -1 when it read the whole array, otherwise
     * the number of objects it handed over before the first one it leaves to Jackson.
     */
    int scan(Objects each) throws IOException {
        whitespace();
        if (!take('[')) {
            return 0;
        }
        whitespace();
        if (take(']')) {
            return -1;
        }
        int count = 0;
        String[] values = new String[names.length];
        while (true) {
            if (!object(values)) {
                return count;
            }
            each.object(values.clone(), keptText);
            count++;
            whitespace();
            if (take(']')) {
                return -1;
            }
            if (!take(',')) {
                return count;
            }
            whitespace();
        }
    }

    private EncodedText keptText;

    /** Reads one object at {@link #pos} into {@code values} and {@link #keptText}; false if it is not plain. */
    private boolean object(String[] values) {
        Arrays.fill(values, "");
        keptText = null;
        if (!take('{')) {
            return false;
        }
        whitespace();
        if (take('}')) {
            return true;
        }
        while (true) {
            if (pos >= end || bytes[pos] != '"' || !string() || !canonical || escaped
                    || closing - pos - 1 > maxNameLength) {
                return false;
            }
            int field = field(pos + 1, closing);
            pos = closing + 1;
            whitespace();
            if (!take(':')) {
                return false;
            }
            whitespace();
            if (pos >= end || bytes[pos] != '"' || !string()) {
                return false;
            }
            if (field == kept) {
                keptText = canonical ? new EncodedText(bytes, first, last, low, high) : null;
            }
            if (field >= 0 || !canonical) {
                String value = field == kept && canonical ? "" : decoded(pos, closing);
                if (value == null) {
                    return false;
                }
                if (field >= 0) {
                    values[field] = value;
                }
            }
            pos = closing + 1;
            whitespace();
            if (take('}')) {
                return true;
            }
            if (!take(',')) {
                return false;
            }
            whitespace();
        }
    }

    /** The index of the field named by {@code bytes[from..to)}, or -1. */
    private int field(int from, int to) {
        for (int i = 0; i < names.length; i++) {
            if (Arrays.equals(bytes, from, to, names[i], 0, names[i].length)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The string whose quotes are at {@code quote} and {@code closing}, as Jackson decodes it, or null if Jackson
     * would not.
     */
    private String decoded(int quote, int closing) {
        if (canonical && !escaped) {
            return new String(bytes, quote + 1, closing - quote - 1, StandardCharsets.UTF_8);
        }
        try (JsonParser parser = Json.mapper().getFactory().createParser(bytes, quote, closing - quote + 1)) {
            return parser.nextToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
        } catch (IOException | RuntimeException e) {
            return null; // Jackson will say why when it reads the file
        }
    }

    /**
     * Scans the string whose opening quote is at {@link #pos}: sets {@link #closing}, and whether it is spelt as the
     * project's writer spells it ({@link #canonical}, then also its stripped bounds and ASCII characters); false if
     * the file ends inside it.
     */
    private boolean string() {
        int i = pos + 1;
        long low = 0;
        long high = 0;
        canonical = true;
        escaped = false;
        // Bytes as signed values: a lead byte of U+0080..U+07FF is -62..-33, a continuation byte below -64.
        while (true) {
            if (i >= end) {
                return false;
            }
            int c = bytes[i];
            if (c >= -62 && c <= -33 && i + 1 < end && bytes[i + 1] < -64) {
                i += 2; // most of Arabic text; none of these characters is whitespace to String.strip
            } else if (c > ' ' && c != '"' && c != '\\') {
                if (c < 0x40) {
                    low |= 1L << c;
                } else {
                    high |= 1L << (c - 0x40);
                }
                i++;
            } else if (c == ' ') {
                i++;
            } else if (c == '"') {
                break;
            } else if (c == '\\') {
                escaped = true;
                int e = i + 1 < end ? bytes[i + 1] : -1;
                if (e == '"') {
                    low |= 1L << '"';
                    i += 2;
                } else if (e == '\\') {
                    high |= 1L << ('\\' - 0x40);
                    i += 2;
                } else if (e == 'n' || e == 't' || e == 'r' || e == 'f' || e == 'b') {
                    i += 2;
                } else if (e == 'u' && escapedControl(i) >= 0) {
                    i += 6;
                } else {
                    return rest(i);
                }
            } else if (c >= -32 && c <= -17 && i + 2 < end && bytes[i + 1] < -64 && bytes[i + 2] < -64
                    && !(c == -32 && bytes[i + 1] < -96) && !(c == -19 && bytes[i + 1] >= -96)) {
                i += 3; // U+0800..U+FFFF, not overlong, not a surrogate
            } else {
                // A control character, a character above U+FFFF (the writer escapes it as a surrogate pair), or
                // bytes that are not UTF-8.
                return rest(i);
            }
        }
        closing = i;
        if (closing - pos - 1 > maxLength) {
            canonical = false; // Jackson refuses it, and must say so
            return true;
        }
        this.low = low;
        this.high = high;
        first = pos + 1;
        for (int w; first < closing && (w = whitespaceAt(first)) > 0; ) {
            first += w;
        }
        last = closing;
        for (int w; last > first && (w = whitespaceBefore(last)) > 0; ) {
            last -= w;
        }
        return true;
    }

    /** The length of the whitespace character (to String.strip) that starts at {@code at} in a canonical string, or 0. */
    private int whitespaceAt(int at) {
        int c = bytes[at];
        if (c == ' ') {
            return 1;
        }
        if (c == '\\') {
            int e = bytes[at + 1];
            if (e == 'n' || e == 't' || e == 'r' || e == 'f') {
                return 2;
            }
            return e == 'u' && Character.isWhitespace(escapedControl(at)) ? 6 : 0;
        }
        return c >= -32 && c <= -17 && Character.isWhitespace(threeByte(at)) ? 3 : 0;
    }

    /** The length of the whitespace character that ends just before {@code at} in a canonical string, or 0. */
    private int whitespaceBefore(int at) {
        int c = bytes[at - 1];
        if (c == ' ') {
            return 1; // never the second byte of an escape: the writer does not escape a space
        }
        if ((c == 'n' || c == 't' || c == 'r' || c == 'f') && escapes(at - 2)) {
            return 2;
        }
        if (at - 6 >= pos + 1 && bytes[at - 5] == 'u' && escapes(at - 6)) {
            int control = escapedControl(at - 6);
            return control >= 0 && Character.isWhitespace(control) ? 6 : 0;
        }
        if (c < -64 && at - 3 >= pos + 1 && bytes[at - 3] >= -32 && bytes[at - 3] <= -17) {
            return Character.isWhitespace(threeByte(at - 3)) ? 3 : 0;
        }
        return 0;
    }

    /** Whether {@code at} holds a backslash that starts an escape (one preceded by an even number of backslashes). */
    private boolean escapes(int at) {
        int k = at;
        while (k > pos && bytes[k] == '\\') {
            k--;
        }
        return ((at - k) & 1) == 1;
    }

    /** The character of the three-byte UTF-8 sequence at {@code at}. */
    private int threeByte(int at) {
        return ((bytes[at] & 0x0F) << 12) | ((bytes[at + 1] & 0x3F) << 6) | (bytes[at + 2] & 0x3F);
    }

    /** The rest of a string that is not spelt as the writer spells it: only its closing quote is wanted. */
    private boolean rest(int from) {
        canonical = false;
        int i = from;
        while (i < end) {
            byte c = bytes[i];
            if (c == '"') {
                closing = i;
                return true;
            }
            i += c == '\\' ? 2 : 1;
        }
        return false;
    }

    /** The control character of the escape at {@code bytes[at]} if the writer spells it so ({@code \}{@code u00XX}), or -1. */
    private int escapedControl(int at) {
        if (at + 5 >= end || bytes[at + 1] != 'u' || bytes[at + 2] != '0' || bytes[at + 3] != '0') {
            return -1;
        }
        int hi = bytes[at + 4] - '0';
        int lo = bytes[at + 5];
        int digit = lo >= '0' && lo <= '9' ? lo - '0' : lo >= 'A' && lo <= 'F' ? lo - 'A' + 10 : -1;
        if ((hi != 0 && hi != 1) || digit < 0) {
            return -1;
        }
        int value = hi * 16 + digit;
        // The writer spells these five with a letter.
        return value == '\b' || value == '\t' || value == '\n' || value == '\f' || value == '\r' ? -1 : value;
    }

    private void whitespace() {
        while (pos < end) {
            byte c = bytes[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private boolean take(char c) {
        if (pos < end && bytes[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }
}
