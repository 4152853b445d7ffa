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
     * Keeps the exposition clean under {@code promtool check metrics}: fills in the help text of Raqib meters
     * registered without a description (from {@link MeterNames#DESCRIPTIONS}), renames {@code system.cpu.count}
     * (a {@code _count} suffix on a gauge) to {@code system.cpu.processors}, and drops {@code process.cpu.time},
     * exported in nanoseconds as {@code process_cpu_time_ns_total}; {@code process_cpu_usage} remains. Register it
     * before any meter.
     */
    public static MeterFilter promtoolClean() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                return id.getName().equals("process.cpu.time") ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getName().equals("system.cpu.count")) {
                    return id.withName("system.cpu.processors");
                }
                String description = MeterNames.DESCRIPTIONS.get(id.getName());
                if (description != null && (id.getDescription() == null || id.getDescription().isBlank())) {
                    return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description,
                            id.getType());
                }
                return id;
            }
        };
    }

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
