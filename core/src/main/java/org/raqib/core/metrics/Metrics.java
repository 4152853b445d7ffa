package org.raqib.core.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Set;

/**
 * Creates the process's one {@link PrometheusMeterRegistry}. Common tags are set before any binder is bound, so
 * every series carries them; components receive the registry through their constructors.
 */
public final class Metrics {

    private Metrics() {}

    /**
     * A registry whose series are tagged {@code service} and {@code instance}, with JVM and process meters bound.
     * The GC binder holds listeners: close the registry at shutdown.
     *
     * @param service {@code raqib} for the all-in-one process, else {@code ingest}, {@code streams} or {@code alerts}
     */
    public static PrometheusMeterRegistry prometheus(String service) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", service, "instance", instanceName());
        registry.config().meterFilter(promtoolClean());
        bindJvm(registry);
        return registry;
    }

    /**
     * Keeps the exposition clean under {@code promtool check metrics}, which the issue makes a release check:
     * fills in the help text of Raqib meters registered without a description (from
     * {@link MeterNames#DESCRIPTIONS}) and of other meters without one (from the name, as Kafka's clients leave some
     * blank); drops binder meters measured in nano-, micro- or milliseconds (Kafka's
     * {@code io.time.ns.avg} family, {@code process.cpu.time}), which promtool rejects unless in seconds and which a
     * filter cannot rescale; and renames a gauge's trailing {@code count}, which Prometheus reserves for histograms
     * and summaries ({@code system.cpu.count} becomes {@code system_cpu_processors}, others end in {@code number}).
     * Register it before any meter.
     */
    public static MeterFilter promtoolClean() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                if (id.getName().startsWith("raqib.")) {
                    return MeterFilterReply.NEUTRAL;
                }
                boolean subSecond = id.getBaseUnit() != null && SUB_SECOND_UNITS.contains(id.getBaseUnit())
                        || Arrays.stream(id.getName().split("\\.")).anyMatch(SUB_SECOND_UNITS::contains);
                return subSecond ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                String name = id.getName();
                if (name.startsWith("raqib.")) {
                    String description = MeterNames.DESCRIPTIONS.get(name);
                    if (description != null && (id.getDescription() == null || id.getDescription().isBlank())) {
                        return new Meter.Id(name, Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description,
                                id.getType());
                    }
                    return id;
                }
                Meter.Id mapped = id;
                if (id.getType() == Meter.Type.GAUGE && name.endsWith(".count")) {
                    mapped = id.withName(name.equals("system.cpu.count") ? "system.cpu.processors"
                            : name.substring(0, name.length() - ".count".length()) + ".number");
                }
                if (mapped.getDescription() == null || mapped.getDescription().isBlank()) {
                    // Kafka registers some metrics with an empty description (the per-node request latencies).
                    mapped = new Meter.Id(mapped.getName(), Tags.of(mapped.getTagsAsIterable()), mapped.getBaseUnit(),
                            name.replace('.', ' '), mapped.getType());
                }
                return mapped;
            }
        };
    }

    private static final Set<String> SUB_SECOND_UNITS = Set.of("ns", "us", "ms", "nanoseconds", "microseconds",
            "milliseconds");

    /** Binds the JVM and process meters every service exports. */
    @SuppressWarnings("resource") // JvmGcMetrics is closed with the registry's meters at shutdown.
    public static void bindJvm(MeterRegistry registry) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    private static String instanceName() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
