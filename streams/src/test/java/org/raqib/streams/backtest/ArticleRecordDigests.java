package org.raqib.streams.backtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The forms in which tests pin the records an archive gives, byte for byte: a golden text file of lines, and a
 * SHA-256 of the whole corpus. Shared through this module's test-jar with the import command's tests.
 */
public final class ArticleRecordDigests {

    private ArticleRecordDigests() {}

    /** SHA-256, in hex, of every record of {@code source}: key, NUL, value, NUL, timestamp, newline. */
    public static String sha256(ArticleSource source) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        source.forEach(r -> {
            digest.update(r.key().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(r.value());
            digest.update((byte) 0);
            digest.update(r.timestamp().toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The golden-file form of {@code files}: a line per record, then a line per rejection. */
    public static byte[] goldenLines(FileArticles files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.forEach(r -> writeLine(out, r));
        for (String rejected : files.rejected()) {
            out.writeBytes(("rejected\t" + rejected + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** One record as key, tab, timestamp, tab, the value's bytes, newline. */
    public static void writeLine(ByteArrayOutputStream out, ArticleRecord record) {
        out.writeBytes((record.key() + "\t" + record.timestamp() + "\t").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(record.value());
        out.write('\n');
    }
}
