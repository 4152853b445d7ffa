package org.raqib.ingest.simulate;

import java.time.Instant;
import org.raqib.core.model.Article;

/**
 * One corpus article as a simulated outlet publishes it.
 *
 * @param source the outlet's path-safe name
 * @param index its position in the outlet's publishing order
 * @param article the corpus article (title, body, author-less)
 * @param publishedAt when it appeared in the simulated feed
 */
record SimulatedItem(String source, int index, Article article, Instant publishedAt) {

    /** The guid the feed gives it: stable across restarts of the simulator. */
    String guid() {
        return "urn:raqib-sim:" + source + ":" + article.id();
    }
}
