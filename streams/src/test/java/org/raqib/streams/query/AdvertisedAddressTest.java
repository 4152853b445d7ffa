package org.raqib.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class AdvertisedAddressTest {

    @Test
    void derivesTheAddressFromASpecificBindAddressAndTheBoundPort() {
        assertThat(AdvertisedAddress.resolve("", "10.1.2.3", 8082)).isEqualTo(new HostInfo("10.1.2.3", 8082));
        assertThat(AdvertisedAddress.resolve("", "[::1]", 8082)).isEqualTo(new HostInfo("::1", 8082));
    }

    @Test
    void advertisesTheMachineAddressInsteadOfAWildcardBindAddress() {
        assertThat(AdvertisedAddress.resolve("", "0.0.0.0", 8082, () -> "10.9.8.7"))
                .isEqualTo(new HostInfo("10.9.8.7", 8082));
        assertThat(AdvertisedAddress.resolve(" ", "::", 8080, () -> "10.9.8.7"))
                .isEqualTo(new HostInfo("10.9.8.7", 8080));
        assertThat(AdvertisedAddress.resolve("", "0.0.0.0", 8082).host()).isNotEqualTo("0.0.0.0").isNotBlank();
    }

    @Test
    void takesTheConfiguredHostWithTheBoundPortOrTheConfiguredPort() {
        assertThat(AdvertisedAddress.resolve("streams-1", "0.0.0.0", 8082)).isEqualTo(new HostInfo("streams-1", 8082));
        assertThat(AdvertisedAddress.resolve("gateway.example:9000", "0.0.0.0", 8082))
                .isEqualTo(new HostInfo("gateway.example", 9000));
        assertThat(AdvertisedAddress.resolve("[fd00::5]:9000", "0.0.0.0", 8082)).isEqualTo(new HostInfo("fd00::5", 9000));
        assertThat(AdvertisedAddress.resolve("[fd00::5]", "0.0.0.0", 8082)).isEqualTo(new HostInfo("fd00::5", 8082));
        assertThat(AdvertisedAddress.resolve("fd00::5", "0.0.0.0", 8082)).isEqualTo(new HostInfo("fd00::5", 8082));
    }

    @Test
    void rejectsAnAddressThatIsNotHostOrHostAndPortNamingTheSetting() {
        for (String bad : new String[] {"host:", "host:port", ":8080", "host:70000", "[fd00::5", "[fd00::5]x"}) {
            assertThatThrownBy(() -> AdvertisedAddress.resolve(bad, "0.0.0.0", 8082))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("streams.advertisedAddress");
        }
    }
}
