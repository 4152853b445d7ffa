package org.raqib.core.corpus;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.raqib.core.json.Json;

/**
 * A text still in the bytes of its archive: the UTF-8 between the quotes of a JSON string, stripped as
 * {@link String#strip()} strips, and spelt exactly as {@link Json#writeBytes} spells that text (the same escapes, the
 * same raw UTF-8). A record can take these bytes as they are, saving the decoding into a {@code String} and the
 * encoding back that were most of the cost of an import's long texts.
 *
 * <p>That spelling is: escapes {@code \" \\ \b \t \n \f \r}, {@code \}{@code u00XX} with upper-case hex for the other
 * control characters, and well-formed UTF-8 for everything else below U+10000 (the writer escapes characters above
 * it as surrogate pairs). {@code CorpusReader} makes these only for strings spelt so.
 *
 * <p>Immutable; it shares the archive's byte array, which nobody may change while the text is in use.
 */
public final class EncodedText {

    private final byte[] bytes;
    private final int from;
    private final int to;
    /** Which ASCII characters 0x21 to 0x7F occur, one bit each: below 0x40 in low, from 0x40 in high. */
    private final long low;
    private final long high;

    EncodedText(byte[] bytes, int from, int to, long low, long high) {
        this.bytes = bytes;
        this.from = from;
        this.to = to;
        this.low = low;
        this.high = high;
    }

    /** Length in bytes. */
    public int length() {
        return to - from;
    }

    /**
     * Whether the text contains {@code c}, a printable ASCII character other than space (0x21 to 0x7F); answered
     * without reading the text again.
     */
    public boolean contains(char c) {
        if (c < 0x21 || c > 0x7F) {
            throw new IllegalArgumentException("c must be a printable ASCII character other than space, got "
                    + (int) c);
        }
        return c < 0x40 ? (low & (1L << c)) != 0 : (high & (1L << (c - 0x40))) != 0;
    }

    /** Copies the bytes to {@code target} from {@code at}. */
    public void copyTo(byte[] target, int at) {
        System.arraycopy(bytes, from, target, at, to - from);
    }

    /** The text, decoded. */
    public String text() {
        byte[] quoted = new byte[length() + 2];
        quoted[0] = '"';
        copyTo(quoted, 1);
        quoted[quoted.length - 1] = '"';
        try (JsonParser parser = Json.mapper().getFactory().createParser(quoted)) {
            parser.nextToken();
            return parser.getText();
        } catch (IOException e) {
            throw new UncheckedIOException("an encoded text did not decode", e);
        }
    }

    @Override
    public String toString() {
        return text();
    }
}
