package org.raqib.app.cli;

import java.util.concurrent.Callable;
import org.raqib.app.KafkaConnection;
import org.raqib.app.RaqibApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code raqib run}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs every service (ingest, streams, alerts) in one process. Without --bootstrap-servers it starts the embedded Kafka broker (data in kafka.embedded.dataDir).",
                "Stop with Ctrl-C."})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        return ServiceRunner.run(options.load(), RaqibApplication.all(), KafkaConnection.WhenUnconfigured.START_EMBEDDED,
                (kafka, app) -> null);
    }
}
