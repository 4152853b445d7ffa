package org.raqib.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serde;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.raqib.core.json.JsonSerde;
import org.raqib.streams.stories.StoryBucket;
import org.raqib.streams.stories.StoryBucketSerde;
import org.raqib.streams.stories.StorySignature;

/**
 * What story clustering pays per matched article to read and rewrite its signature bucket in the story store: one
 * write and one read of a bucket of {@code entries} articles, in the binary format the store uses and in the JSON it
 * used before.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class StoryBucketBenchmarks {

    /** Articles in the bucket: a few copies of a story, or the most a bucket keeps. */
    @Param({"5", "64"})
    public int entries;

    /** {@code binary} (the store's format) or {@code json} (before). */
    @Param({"binary", "json"})
    public String format;

    private Serde<StoryBucket> serde;
    private StoryBucket bucket;

    @Setup
    public void setUp() {
        serde = format.equals("json") ? JsonSerde.of(StoryBucket.class) : new StoryBucketSerde();
        SplittableRandom random = new SplittableRandom(1);
        List<StoryBucket.Entry> list = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            int[] signature = random.ints(StorySignature.SIZE).toArray();
            String id = "saudinewsnet-" + Long.toHexString(random.nextLong());
            list.add(new StoryBucket.Entry(id, i % 3 == 0 ? id : "saudinewsnet-first", signature,
                    1_700_000_000_000L + i));
        }
        bucket = new StoryBucket(list);
    }

    /** One write and one read, as {@code ClusterStories} does per matched article. */
    @Benchmark
    public StoryBucket writeAndRead() {
        byte[] bytes = serde.serializer().serialize("raqib-story-store-changelog", bucket);
        return serde.deserializer().deserialize("raqib-story-store-changelog", bytes);
    }
}
