package org.raqib.app.cli;

import java.util.EnumSet;
import java.util.concurrent.Callable;
import org.raqib.app.KafkaConnection;
import org.raqib.app.RaqibApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code raqib ingest}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Runs one ingest worker: polls the feeds of its share of raqib.feeds into raqib.articles. Start more to share the feeds.",
                "Stop with Ctrl-C."})
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        return ServiceRunner.run(options.load(), EnumSet.of(RaqibApplication.Service.INGEST), KafkaConnection.WhenUnconfigured.USE_LOCAL_EMBEDDED,
                (kafka, app) -> null);
    }
}
