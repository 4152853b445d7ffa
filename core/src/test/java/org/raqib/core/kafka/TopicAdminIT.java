package org.raqib.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raqib.core.config.TopicsSettings;
import org.raqib.core.testing.KafkaClusterExtension;

class TopicAdminIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    @Test
    void createsMissingTopicsWithTheConfiguredSettingsAndIsIdempotent() throws Exception {
        try (Admin admin = kafka.admin()) {
            TopicAdmin topics = new TopicAdmin(admin, new TopicsSettings(3, 1, 1, -1));

            List<String> created = topics.ensure(Topics.all());
            List<String> again = topics.ensure(Topics.all());

            assertThat(created).containsExactlyElementsOf(Topics.all().stream().map(Topic::name).toList());
            assertThat(again).isEmpty();
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "raqib.articles");
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("retention.ms").value())
                    .as("history is kept for backtests and replays").isEqualTo("-1");
            assertThat(topics.status(Topics.all()).get("raqib.rules"))
                    .satisfies(s -> {
                        assertThat(s.exists()).isTrue();
                        assertThat(s.partitions()).isEqualTo(3);
                        assertThat(s.cleanupPolicy()).isEqualTo("compact");
                    });
        }
    }

    @Test
    void reportsMismatchedTopicByNameAndSetting() throws Exception {
        Topic<String, String> odd = new Topic<>("raqib.odd", Serdes.String(), Serdes.String(), true);
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic("raqib.odd", 2, (short) 1)
                    .configs(Map.of("cleanup.policy", "delete")))).all().get();
            TopicAdmin topics = new TopicAdmin(admin, new TopicsSettings(3, 1, 1, -1));

            assertThatThrownBy(() -> topics.ensure(List.of(odd)))
                    .isInstanceOfSatisfying(TopicAdmin.TopicMismatchException.class, e -> assertThat(e.problems())
                            .containsExactly(
                                    "raqib.odd: partitions is 2, configured 3",
                                    "raqib.odd: cleanup.policy is delete, configured compact"));
        }
    }
}
