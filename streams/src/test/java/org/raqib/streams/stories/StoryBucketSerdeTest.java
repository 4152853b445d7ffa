package org.raqib.streams.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.raqib.core.json.JsonSerde;

class StoryBucketSerdeTest {

    private static final String TOPIC = "raqib-story-store-changelog";

    private final StoryBucketSerde serde = new StoryBucketSerde();

    private static StoryBucket bucket() {
        int[] full = StorySignature.of("واتفق وفد أمني نيجري رفيع المستوى خلال زيارته مدينة بنغازي شرقي ليبيا على تفعيل"
                + " الاتفاقات الثنائية").hashes();
        return new StoryBucket(List.of(
                new StoryBucket.Entry("alwasat-1", "alwasat-1", full, 1_700_000_000_000L),
                new StoryBucket.Entry("libya-observer-9", "alwasat-1", new int[] {Integer.MIN_VALUE, -1, 0, 7}, 42L),
                new StoryBucket.Entry("مصدر-٣", "مصدر-٣", new int[0], -5L)));
    }

    private StoryBucket roundTrip(byte[] bytes) {
        return serde.deserializer().deserialize(TOPIC, bytes);
    }

    @Test
    void readsBackWhatItWrites() {
        StoryBucket bucket = bucket();

        StoryBucket read = roundTrip(serde.serializer().serialize(TOPIC, bucket));

        assertThat(read).usingRecursiveComparison().isEqualTo(bucket);
    }

    @Test
    void readsTheJsonOfStoresAndChangelogsWrittenBeforeTheBinaryFormat() {
        StoryBucket bucket = bucket();
        byte[] json = JsonSerde.of(StoryBucket.class).serializer().serialize(TOPIC, bucket);

        assertThat(roundTrip(json)).usingRecursiveComparison().isEqualTo(bucket);
    }

    @Test
    void writesFewerBytesThanJson() {
        StoryBucket bucket = bucket();

        assertThat(serde.serializer().serialize(TOPIC, bucket))
                .hasSizeLessThan(JsonSerde.of(StoryBucket.class).serializer().serialize(TOPIC, bucket).length);
    }

    @Test
    void keepsNullAsNull() {
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(roundTrip(null)).isNull();
    }

    @Test
    void rejectsTruncatedBytesNamingTheTopic() {
        byte[] bytes = serde.serializer().serialize(TOPIC, bucket());

        assertThatThrownBy(() -> roundTrip(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("not a valid story bucket");
    }

    @Test
    void rejectsAnEntryCountItsBytesCannotHoldWithoutAllocatingIt() {
        byte[] bytes = {StoryBucketSerde.FORMAT, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};

        assertThatThrownBy(() -> roundTrip(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("entry count 2147483647");
    }

    @Test
    void rejectsAFormatItDoesNotKnow() {
        assertThatThrownBy(() -> roundTrip(new byte[] {9, 0, 0, 0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown format 9");
    }

    @Test
    void rejectsBytesAfterTheLastEntry() {
        byte[] bytes = serde.serializer().serialize(TOPIC, bucket());

        assertThatThrownBy(() -> roundTrip(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("1 bytes after the last entry");
    }
}
