package org.raqib.alerts.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    @Test
    void rejectsWebhookUrlPointingAtPrivateAddresses() {
        AddressGuard guard = new AddressGuard(false);
        assertThat(guard.refusal(URI.create("http://127.0.0.1:8080/hook"))).isPresent();
        assertThat(guard.refusal(URI.create("http://10.1.2.3/hook"))).isPresent();
        assertThat(guard.refusal(URI.create("http://169.254.169.254/latest/meta-data"))).isPresent();
        assertThat(guard.refusal(URI.create("http://[::1]/hook"))).isPresent();
        assertThat(guard.refusal(URI.create("http://[::ffff:127.0.0.1]/hook"))).isPresent();
    }

    @Test
    void acceptsPublicAddressesAndEverythingWhenAllowed() throws UnknownHostException {
        assertThat(AddressGuard.isPublic(InetAddress.getByName("93.184.215.14"))).isTrue();
        assertThat(AddressGuard.isPublic(InetAddress.getByName("100.64.0.1"))).isFalse();
        assertThat(new AddressGuard(true).refusal(URI.create("http://127.0.0.1/hook"))).isEmpty();
    }
}
