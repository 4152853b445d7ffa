package org.raqib.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Refuses addresses a feed must not reach unless it is allowed to (server-side request forgery): private, loopback,
 * link-local, multicast, unspecified, carrier-grade NAT, benchmarking and reserved ranges, and the IPv6 forms that
 * embed such an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64 {@code 64:ff9b::/96}, 6to4).
 *
 * <p>Checks run on the resolved addresses, so a public name that resolves to {@code 127.0.0.1} is refused too.
 */
public final class AddressGuard {

    /** Resolves host names; replaceable in tests to simulate hostile DNS answers. */
    @FunctionalInterface
    public interface Resolver {
        /** Every address of {@code host}. */
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivateEverywhere;
    private final Resolver resolver;

    /** A guard using the system resolver; {@code allowPrivateEverywhere} turns it off for every feed. */
    public AddressGuard(boolean allowPrivateEverywhere) {
        this(allowPrivateEverywhere, host -> List.of(InetAddress.getAllByName(host)));
    }

    /** A guard with its own resolver. */
    public AddressGuard(boolean allowPrivateEverywhere, Resolver resolver) {
        this.allowPrivateEverywhere = allowPrivateEverywhere;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * Checks {@code uri}'s scheme and every address its host resolves to.
     *
     * @param allowPrivate whether this feed may reach non-public addresses
     * @return the resolved addresses
     * @throws FetchException of kind {@code BLOCKED} when an address is refused, {@code DNS} when the host is unknown
     */
    public List<InetAddress> check(URI uri, boolean allowPrivate) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchException.Kind.BLOCKED, "only http(s) addresses are fetched, not " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new FetchException(FetchException.Kind.BLOCKED, "address has no host: " + uri);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Kind.DNS, "unknown host " + host);
        }
        if (addresses.isEmpty()) {
            throw new FetchException(FetchException.Kind.DNS, "host " + host + " has no address");
        }
        if (!allowPrivate && !allowPrivateEverywhere) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new FetchException(FetchException.Kind.BLOCKED, host + " resolves to non-public address "
                            + address.getHostAddress() + "; mark the feed allowPrivate: true if it is meant to");
                }
            }
        }
        return addresses;
    }

    /** Whether {@code address} is a public unicast address. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            return isPublicV6(b);
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224) {
            return false; // "this network", private, loopback, multicast and reserved (incl. broadcast)
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return false; // carrier-grade NAT
        }
        if (a0 == 169 && a1 == 254) {
            return false; // link-local, cloud metadata endpoints
        }
        if (a0 == 172 && a1 >= 16 && a1 <= 31) {
            return false;
        }
        if (a0 == 192 && a1 == 168) {
            return false;
        }
        if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) {
            return false; // IETF protocol assignments, TEST-NET-1
        }
        if (a0 == 198 && (a1 == 18 || a1 == 19)) {
            return false; // benchmarking
        }
        if ((a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return false; // TEST-NET-2 and -3
        }
        return true;
    }

    private static boolean isPublicV6(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (IPv4-compatible, includes :: and ::1)
        if (firstTenZero && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
            return false;
        }
        // NAT64 well-known prefix 64:ff9b::/96 and local-use 64:ff9b:1::/48 can reach any IPv4 address
        if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            return false;
        }
        // 6to4 2002::/16 embeds an IPv4 address; Teredo 2001::/32 hides one
        if ((b[0] == 0x20 && b[1] == 0x02) || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)) {
            return false;
        }
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return false; // unique local fc00::/7
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
            return false; // link-local fe80::/10
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return false; // deprecated site-local fec0::/10
        }
        if (first == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == (byte) 0xb8) {
            return false; // documentation 2001:db8::/32
        }
        return (first & 0xe0) == 0x20; // only global unicast 2000::/3 is public
    }
}
