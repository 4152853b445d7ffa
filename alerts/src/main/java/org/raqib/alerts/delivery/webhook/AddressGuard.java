package org.raqib.alerts.delivery.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The SSRF check on webhook destinations: every address a host resolves to must be public — not loopback,
 * private (RFC 1918, fc00::/7), link-local (cloud metadata lives there), carrier-grade NAT, multicast or
 * unspecified. The check resolves the name just before each attempt; a name whose answers change between this
 * check and the connection (DNS rebinding) is not caught, which is why the guard is a first line only.
 */
public final class AddressGuard {

    private final boolean allowPrivate;

    /** A guard; {@code allowPrivate} turns the check off (setting {@code alerts.allowPrivateAddresses}). */
    public AddressGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why {@code url} may not be called, or empty when it may. */
    public Optional<String> refusal(URI url) {
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = url.getHost();
        if (host == null) {
            return Optional.of("webhook URL has no host: " + url);
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!isPublic(address)) {
                    return Optional.of("webhook host " + host + " resolves to the non-public address "
                            + address.getHostAddress() + "; set alerts.allowPrivateAddresses to allow it");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty(); // The attempt itself fails and is retried: DNS may come back.
        }
    }

    /** Whether {@code address} is on the public internet. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            boolean cgnat = first == 100 && second >= 64 && second < 128;
            boolean zero = first == 0;
            boolean benchmarking = first == 198 && (second == 18 || second == 19);
            return !(cgnat || zero || benchmarking || first >= 240);
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean mappedV4 = isMappedV4(b);
            return !uniqueLocal && !mappedV4;
        }
        return true;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        // ::ffff:a.b.c.d could smuggle any IPv4 address past the checks above; refuse them all.
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
