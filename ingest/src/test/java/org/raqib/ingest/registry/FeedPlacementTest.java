package org.raqib.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeedPlacementTest {

    @Test
    void placesEveryFeedOfOneHostOnOnePartitionWhateverTheCasePortOrPath() {
        int partition = FeedPlacement.partition("https://www.alwasat.ly/rss", 12);

        assertThat(FeedPlacement.partition("http://WWW.Alwasat.LY:8080/ar/feed.xml?x=1", 12)).isEqualTo(partition);
        assertThat(FeedPlacement.host("http://WWW.Alwasat.LY:8080/ar/feed.xml")).isEqualTo("www.alwasat.ly");
    }

    @Test
    void computesAPartitionFixedByTheLanguageSoEveryProcessAndVersionAgrees() {
        // String.hashCode("www.alwasat.ly") is specified by the JLS; this pins the placement of existing feeds.
        assertThat(FeedPlacement.partition("https://www.alwasat.ly/rss", 12))
                .isEqualTo(Math.floorMod("www.alwasat.ly".hashCode(), 12));
        assertThat(FeedPlacement.partition("https://127.0.0.2:8090/feeds/a.xml", 6))
                .isNotEqualTo(FeedPlacement.partition("https://127.0.0.3:8090/feeds/a.xml", 6));
        assertThat(FeedPlacement.partition("https://any.example/", 1)).isZero();
    }

    @Test
    void rejectsAUrlWithoutAHostAndAPartitionCountBelowOne() {
        assertThatThrownBy(() -> FeedPlacement.partition("file:///etc/passwd", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must name a host");
        assertThatThrownBy(() -> FeedPlacement.partition("https://a.example/", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partitions");
    }
}
