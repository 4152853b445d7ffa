package org.raqib.streams.topology;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.raqib.core.json.JsonSerde;
import org.raqib.core.metrics.MeterNames;
import org.raqib.core.model.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link LiveRules} and the global rules store in step with the compacted {@code raqib.rules} topic. As a
 * global store, every instance reads every rule, so a change reaches all instances within the global thread's poll
 * interval and no restart is needed. Rules are validated before they are written to the topic; a record that still
 * fails here (written by another tool) is logged, counted and skipped, keeping the previous version of that rule.
 */
final class UpdateRules implements Processor<String, byte[], Void, Void> {

    static final String STORE = "raqib-rules-store";

    private static final Logger log = LoggerFactory.getLogger(UpdateRules.class);
    private static final JsonSerde<Rule> SERDE = JsonSerde.of(Rule.class);

    private final LiveRules rules;
    private final MeterRegistry registry;
    private KeyValueStore<String, byte[]> store;

    UpdateRules(LiveRules rules, MeterRegistry registry) {
        this.rules = rules;
        this.registry = registry;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String id = record.key();
        if (id == null) {
            return;
        }
        if (record.value() == null) {
            rules.remove(id);
            store.delete(id);
            log.info("Rule {} removed", id);
            return;
        }
        try {
            Rule rule = SERDE.deserializer().deserialize("raqib.rules", record.value());
            if (!rule.id().equals(id)) {
                throw new IllegalArgumentException("record key '" + id + "' differs from rule id '" + rule.id() + "'");
            }
            rules.upsert(rule);
            store.put(id, record.value());
            log.info("Rule {} updated", id);
        } catch (RuntimeException e) {
            registry.counter(MeterNames.RULES_REJECTED).increment();
            log.warn("Rule {} on raqib.rules is invalid and was skipped: {}", id, e.getMessage());
        }
    }
}
