package org.raqib.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Rule;
import org.raqib.core.testing.KafkaClusterExtension;

class RuleTopicIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    @BeforeAll
    static void createTopic() {
        kafka.createTopics(3, Topics.RULES);
    }

    private static RuleTopic topic() {
        Map<String, Object> props = new HashMap<>();
        kafka.clientProperties().forEach((k, v) -> props.put(String.valueOf(k), v));
        return new RuleTopic(props);
    }

    @Test
    void writesRulesKeyedByIdAndReadsBackTheLatestVersions() {
        RuleTopic rules = topic();
        rules.write(DefaultRules.load());
        rules.write(List.of(new Rule("aes-membership", "AES moves", null, "high", "entity:AES", null)));
        rules.delete("oil-infrastructure");

        List<Rule> read = rules.readAll(Duration.ofSeconds(30));

        assertThat(read).extracting(Rule::id).contains("storyline", "aes-membership").doesNotContain("oil-infrastructure");
        assertThat(read).filteredOn(r -> r.id().equals("aes-membership")).singleElement()
                .extracting(Rule::severity).isEqualTo("high");
        assertThat(kafka.readAtLeast(Topics.RULES, 1, Duration.ofSeconds(30)).get(0).key()).isNotBlank();
    }

    @Test
    void writesNothingWhenOneRuleIsInvalid() {
        long before = kafka.endOffsets(Topics.RULES.name());
        assertThatThrownBy(() -> topic().write(List.of(new Rule("fine", null, null, null, "وفد", null),
                new Rule("broken", null, null, null, "وفد AND", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule 'broken', line 1");
        assertThat(kafka.endOffsets(Topics.RULES.name())).isEqualTo(before);
    }
}
