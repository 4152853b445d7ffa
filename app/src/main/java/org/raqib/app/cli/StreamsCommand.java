package org.raqib.app.cli;

import java.util.EnumSet;
import java.util.concurrent.Callable;
import org.raqib.app.KafkaConnection;
import org.raqib.app.RaqibApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code raqib streams}. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = {"Runs one Kafka Streams instance of the topology: raqib.articles to raqib.matches. Start more to share the partitions.",
                "Serves /metrics, /health and the query API (/api/matches/recent, /api/stories, /api/trends) on streams.httpPort; every instance answers for all of them.",
                "Stop with Ctrl-C."})
public final class StreamsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        return ServiceRunner.run(options.load(), EnumSet.of(RaqibApplication.Service.STREAMS), KafkaConnection.WhenUnconfigured.USE_LOCAL_EMBEDDED,
                (kafka, app) -> null);
    }
}
