package org.raqib.alerts.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamPositionTest {

    @Test
    void roundTripsThroughItsText() {
        StreamPosition position = StreamPosition.start().after(1, 4).after(0, 16);
        assertThat(position).hasToString("0:17,1:5");
        assertThat(StreamPosition.parse("0:17,1:5")).contains(position);
    }

    @Test
    void ignoresForeignLastEventIds() {
        assertThat(StreamPosition.parse("abc")).isEmpty();
        assertThat(StreamPosition.parse("0:-1")).isEmpty();
        assertThat(StreamPosition.parse("")).isEmpty();
    }

    @Test
    void countsAlertsAtOrAfterTheNextOffsetAsUnseen() {
        StreamPosition position = StreamPosition.start().after(0, 9);
        assertThat(position.isBefore(0, 9)).isFalse();
        assertThat(position.isBefore(0, 10)).isTrue();
        assertThat(position.isBefore(1, 0)).isTrue();
    }
}
