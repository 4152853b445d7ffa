package org.raqib.streams.query;

import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/** Which instances hold which part of a store: Kafka Streams' metadata, as queries need it. */
public interface Placement {

    /**
     * The instances whose active tasks hold a part of {@code store}, this one included if it does.
     *
     * @throws StoresUnavailableException while the instances rebalance
     */
    Set<HostInfo> hostsOf(String store);

    /**
     * The instance whose active task holds {@code key} of {@code store}, for a store partitioned by its key.
     *
     * @throws StoresUnavailableException while the instances rebalance
     */
    HostInfo ownerOf(String store, String key);

    /** The placement that {@code streams} learns at every rebalance from the instances' advertised addresses. */
    static Placement of(KafkaStreams streams) {
        return new StreamsPlacement(streams);
    }
}
