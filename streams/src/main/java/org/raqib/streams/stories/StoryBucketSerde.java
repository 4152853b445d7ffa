package org.raqib.streams.stories;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.raqib.core.json.JsonSerde;

/**
 * The story store's value format: a compact binary encoding of {@link StoryBucket}, read back from JSON too.
 *
 * <p>Every matched article reads and rewrites its bucket, which holds up to 64 signatures of 32 numbers. As JSON
 * it was most of story clustering's time; as fixed-width binary it is a copy. The first byte tells the formats
 * apart: {@link #FORMAT} here, {@code '{'} for the JSON that stores and changelogs written before this format hold,
 * so a restored or upgraded instance reads both and writes only binary.
 *
 * <pre>
 * FORMAT  count:int  count × ( articleId  storyId  timestamp:long  hashes:int  hashes × int )
 * </pre>
 * Ids are an int byte length and UTF-8 bytes; a story id equal to its article id (the first copy of a story) is
 * written as length -1. Integers are big-endian.
 */
public final class StoryBucketSerde implements Serde<StoryBucket> {

    /** The first byte of a binary bucket. */
    static final byte FORMAT = 1;

    private static final JsonSerde<StoryBucket> JSON = JsonSerde.of(StoryBucket.class);
    private static final int SAME_AS_ARTICLE = -1;
    /** An entry with empty ids and no signature: the two id lengths, the timestamp and the signature length. */
    private static final int MIN_ENTRY_BYTES = Integer.BYTES + Integer.BYTES + Long.BYTES + Integer.BYTES;

    @Override
    public Serializer<StoryBucket> serializer() {
        return (topic, bucket) -> bucket == null ? null : write(bucket);
    }

    @Override
    public Deserializer<StoryBucket> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            if (data.length > 0 && data[0] == '{') {
                return JSON.deserializer().deserialize(topic, data);
            }
            try {
                return read(data);
            } catch (BufferUnderflowException | IllegalArgumentException e) {
                throw new SerializationException("record on " + topic + " is not a valid story bucket: "
                        + (e.getMessage() == null ? "it ends early" : e.getMessage()), e);
            }
        };
    }

    static byte[] write(StoryBucket bucket) {
        List<StoryBucket.Entry> entries = bucket.entries();
        byte[][] articleIds = new byte[entries.size()][];
        byte[][] storyIds = new byte[entries.size()][];
        int size = 1 + Integer.BYTES;
        for (int i = 0; i < entries.size(); i++) {
            StoryBucket.Entry e = entries.get(i);
            articleIds[i] = e.articleId().getBytes(StandardCharsets.UTF_8);
            storyIds[i] = e.storyId().equals(e.articleId()) ? null : e.storyId().getBytes(StandardCharsets.UTF_8);
            int storyIdBytes = storyIds[i] == null ? 0 : storyIds[i].length;
            size += Integer.BYTES + articleIds[i].length + Integer.BYTES + storyIdBytes + Long.BYTES + Integer.BYTES
                    + Integer.BYTES * e.signature().length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT).putInt(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            StoryBucket.Entry e = entries.get(i);
            out.putInt(articleIds[i].length).put(articleIds[i]);
            if (storyIds[i] == null) {
                out.putInt(SAME_AS_ARTICLE);
            } else {
                out.putInt(storyIds[i].length).put(storyIds[i]);
            }
            out.putLong(e.timestamp()).putInt(e.signature().length);
            for (int h : e.signature()) {
                out.putInt(h);
            }
        }
        return out.array();
    }

    static StoryBucket read(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        byte format = in.get();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown format " + format + " (this version reads " + FORMAT
                    + " and JSON)");
        }
        int count = in.getInt();
        // A count beyond what the bytes left can hold is corruption, not a reason to allocate.
        if (count < 0 || count > in.remaining() / MIN_ENTRY_BYTES) {
            throw new IllegalArgumentException("entry count " + count + " does not fit its " + data.length + " bytes");
        }
        List<StoryBucket.Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String articleId = string(in, false);
            String storyId = string(in, true);
            long timestamp = in.getLong();
            int hashes = in.getInt();
            if (hashes < 0 || hashes > in.remaining() / Integer.BYTES) {
                throw new IllegalArgumentException("signature length " + hashes + " does not fit entry " + i);
            }
            int[] signature = new int[hashes];
            in.asIntBuffer().get(signature);
            in.position(in.position() + hashes * Integer.BYTES);
            entries.add(new StoryBucket.Entry(articleId, storyId == null ? articleId : storyId, signature, timestamp));
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException(in.remaining() + " bytes after the last entry");
        }
        return new StoryBucket(entries);
    }

    private static String string(ByteBuffer in, boolean mayBeSameAsArticle) {
        int length = in.getInt();
        if (length == SAME_AS_ARTICLE && mayBeSameAsArticle) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("id length " + length + " does not fit the " + in.remaining()
                    + " bytes left");
        }
        String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }
}
