package org.raqib.app.cli;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.raqib.app.KafkaConnection;
import org.raqib.app.RaqibApplication;
import org.raqib.core.config.RaqibConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs services until the process is asked to stop (Ctrl-C, SIGTERM), then closes them, and the embedded broker
 * last, so that in-flight transactions commit or abort cleanly.
 */
final class ServiceRunner {

    private static final Logger log = LoggerFactory.getLogger(ServiceRunner.class);

    /** What to do once the services run, before waiting (print a banner, start a simulator). */
    interface Started {
        AutoCloseable accept(KafkaConnection kafka, RaqibApplication app) throws Exception;
    }

    private ServiceRunner() {}

    static int run(RaqibConfig config, Set<RaqibApplication.Service> services, KafkaConnection.WhenUnconfigured mode,
            Started started) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        KafkaConnection kafka = KafkaConnection.open(config, mode);
        RaqibApplication app;
        try {
            app = RaqibApplication.start(config, kafka, services, Clock.systemUTC());
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        AutoCloseable extra;
        try {
            extra = started.accept(kafka, app);
        } catch (Exception e) {
            app.close();
            kafka.close();
            throw e;
        }
        Thread hook = new Thread(() -> {
            log.info("Stopping ...");
            closeQuietly(extra);
            app.close();
            kafka.close();
            stopped.countDown();
        }, "raqib-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return 0;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Closing {} failed: {}", closeable.getClass().getSimpleName(), e.toString());
        }
    }
}
