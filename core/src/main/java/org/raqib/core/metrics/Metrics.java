package org.raqib.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
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
        bindJvm(registry);
        return registry;
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
