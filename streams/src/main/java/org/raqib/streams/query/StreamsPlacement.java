package org.raqib.streams.query;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@link Placement} from a running {@link KafkaStreams}. Outside {@code RUNNING} the metadata may name instances that
 * no longer hold the partitions, so it is not used: queries are refused until the rebalance settles.
 */
final class StreamsPlacement implements Placement {

    private final KafkaStreams streams;

    StreamsPlacement(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Set<HostInfo> hostsOf(String store) {
        requireRunning();
        try {
            return streams.streamsMetadataForStore(store).stream()
                    .map(StreamsMetadata::hostInfo)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (InvalidStateStoreException e) {
            throw stateChanged(e);
        }
    }

    @Override
    public HostInfo ownerOf(String store, String key) {
        requireRunning();
        KeyQueryMetadata metadata;
        try {
            // The store's keys are the partitioning keys of its (String-keyed) repartition topic.
            metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        } catch (InvalidStateStoreException e) {
            throw stateChanged(e);
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
                || metadata.activeHost() == null || metadata.activeHost().port() < 0) {
            throw new StoresUnavailableException("no instance holds " + store + " for '" + key
                    + "' right now (a rebalance is under way); retry shortly",
                    StoresUnavailableException.REBALANCE_RETRY);
        }
        return metadata.activeHost();
    }

    /** The state changed between the check and the call. */
    private static StoresUnavailableException stateChanged(InvalidStateStoreException e) {
        return new StoresUnavailableException("Kafka Streams is not running (" + e.getMessage() + "); retry shortly",
                StoresUnavailableException.REBALANCE_RETRY);
    }

    private void requireRunning() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw new StoresUnavailableException("Kafka Streams is " + state
                    + " (rebalancing, restoring state, starting or stopping); retry shortly",
                    StoresUnavailableException.REBALANCE_RETRY);
        }
    }
}
