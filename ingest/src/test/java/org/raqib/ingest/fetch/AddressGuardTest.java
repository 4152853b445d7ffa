package org.raqib.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no DNS lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static AddressGuard resolvingTo(String literal) {
        return new AddressGuard(false, host -> List.of(ip(literal)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.5", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1", "::",
            "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1",
            "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2001:db8::1"})
    void refusesNonPublicAddressesAndTheirIpv6Disguises(String literal) {
        assertThat(AddressGuard.isPublic(ip(literal))).as(literal).isFalse();
        assertThatThrownBy(() -> resolvingTo(literal).check(URI.create("http://news.example/rss"), false))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "172.32.0.1", "2a00:1450:4001:80b::200e"})
    void acceptsPublicAddresses(String literal) throws FetchException {
        assertThat(AddressGuard.isPublic(ip(literal))).as(literal).isTrue();
        assertThat(resolvingTo(literal).check(URI.create("https://news.example/rss"), false)).containsExactly(ip(literal));
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsPrivate() {
        AddressGuard guard = new AddressGuard(false, host -> List.of(ip("8.8.8.8"), ip("127.0.0.1")));

        assertThatThrownBy(() -> guard.check(URI.create("http://rebind.example/"), false))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("127.0.0.1")
                .hasMessageContaining("allowPrivate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://2130706433/feed", "http://127.1/feed", "http://[::1]/feed",
            "http://[::ffff:7f00:1]/feed", "http://0.0.0.0:8080/"})
    void refusesLoopbackSpelledAsNumbersTheWayTheClientWouldConnect(String url) {
        // The system resolver parses these literals exactly as the HTTP client will, so what is checked is what
        // would be connected to.
        assertThatThrownBy(() -> new AddressGuard(false).check(URI.create(url), false))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED));
    }

    @Test
    void letsAFeedMarkedAllowPrivateReachLoopback() throws FetchException {
        assertThat(resolvingTo("127.0.0.1").check(URI.create("http://localhost:8080/feed"), true)).hasSize(1);
    }

    @Test
    void letsEveryFeedReachPrivateAddressesWhenTheGlobalSettingAllowsIt() throws FetchException {
        AddressGuard guard = new AddressGuard(true, host -> List.of(ip("10.1.1.1")));

        assertThat(guard.check(URI.create("http://intranet/feed"), false)).hasSize(1);
    }

    @Test
    void refusesSchemesOtherThanHttp() {
        assertThatThrownBy(() -> resolvingTo("8.8.8.8").check(URI.create("file:///etc/passwd"), true))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED));
        assertThatThrownBy(() -> resolvingTo("8.8.8.8").check(URI.create("ftp://news.example/feed"), true))
                .isInstanceOf(FetchException.class);
    }

    @Test
    void reportsAnUnknownHostAsADnsFailure() {
        AddressGuard guard = new AddressGuard(false, host -> {
            throw new UnknownHostException(host);
        });

        assertThatThrownBy(() -> guard.check(URI.create("http://nowhere.invalid/"), false))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.DNS));
    }
}
