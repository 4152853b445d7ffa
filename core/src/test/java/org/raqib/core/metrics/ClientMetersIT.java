package org.raqib.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.FeedDefinition;
import org.raqib.core.testing.KafkaClusterExtension;
import org.raqib.core.testing.Promtool;

/** {@link ClientMeters} on clients that have talked to a real broker, as a service's scrape shows them. */
class ClientMetersIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    @Test
    void clientsThatTalkedToBrokersExportMetersThatPassPromtool() throws Exception {
        kafka.createTopics(1, Topics.FEEDS);
        PrometheusMeterRegistry registry = Metrics.prometheus("test");
        try (ClientMeters meters = new ClientMeters(registry)) {
            // Per-node request latencies appear only once a client has sent requests to a broker; Kafka registers
            // them with no description, which promtool rejects unless the filter supplies one.
            KafkaProducer<String, FeedDefinition> producer = meters.producer(kafka.producer(Topics.FEEDS));
            KafkaConsumer<String, FeedDefinition> consumer = meters.consumer(kafka.consumer(Topics.FEEDS));
            try (producer; consumer) {
                producer.send(new ProducerRecord<>(Topics.FEEDS.name(), "feed", null)).get();
                int read = 0;
                for (int i = 0; i < 50 && read == 0; i++) {
                    read += consumer.poll(Duration.ofMillis(200)).count();
                }
                assertThat(read).isEqualTo(1);
                String scrape = registry.scrape();

                assertThat(scrape).contains("kafka_producer_node_request_latency_avg",
                        "kafka_consumer_fetch_manager_records_consumed_total");
                Promtool.checkMetrics(scrape);
            }
            meters.release(producer);
            assertThat(registry.scrape()).doesNotContain("kafka_producer_node_request_latency_avg");
        } finally {
            registry.close();
        }
    }
}
