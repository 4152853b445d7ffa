package org.raqib.app.cli;

import java.util.EnumSet;
import java.util.concurrent.Callable;
import org.raqib.app.KafkaConnection;
import org.raqib.app.RaqibApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code raqib alerts}. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Runs the alerts service: fan-out of raqib.matches to subscriptions, delivery, and the HTTP API on alerts.httpPort.",
                "Stop with Ctrl-C."})
public final class AlertsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        return ServiceRunner.run(options.load(), EnumSet.of(RaqibApplication.Service.ALERTS), KafkaConnection.WhenUnconfigured.USE_LOCAL_EMBEDDED,
                (kafka, app) -> null);
    }
}
