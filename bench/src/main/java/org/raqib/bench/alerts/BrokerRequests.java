package org.raqib.bench.alerts;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Requests a Kafka broker running in this JVM (the benchmarks' scratch broker) has handled so far, by API, read
 * from its {@code kafka.network:type=RequestMetrics,name=RequestsPerSec} meters. Two snapshots taken around a
 * measured period say how many broker requests each alert cost, the figure that shows a client asking the broker
 * for more than it needs. Against an external cluster there are no such meters and every snapshot is empty.
 */
final class BrokerRequests {

    private static final String PATTERN = "kafka.network:type=RequestMetrics,name=RequestsPerSec,*";

    private BrokerRequests() {}

    /** The requests handled so far, by API name ({@code Fetch}, {@code Produce}, ...); empty without a broker here. */
    static Map<String, Long> snapshot() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<String, Long> counts = new TreeMap<>();
        try {
            Set<ObjectName> names = server.queryNames(new ObjectName(PATTERN), null);
            for (ObjectName name : names) {
                String api = name.getKeyProperty("request");
                if (api != null && server.getAttribute(name, "Count") instanceof Number count) {
                    counts.merge(api, count.longValue(), Long::sum);
                }
            }
        } catch (JMException e) {
            // A meter that vanished between the query and the read (the broker stopping): report what was read.
        }
        return counts;
    }

    /** The requests of each API from {@code before} to {@code after}, leaving out APIs without any. */
    static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((api, count) -> {
            long d = count - before.getOrDefault(api, 0L);
            if (d > 0) {
                delta.put(api, d);
            }
        });
        return delta;
    }
}
