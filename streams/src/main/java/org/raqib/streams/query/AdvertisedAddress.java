package org.raqib.streams.query;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where the other instances reach this instance's query endpoints ({@code streams.advertisedAddress}, Kafka
 * Streams' {@code application.server}): the configured {@code host} or {@code host:port}, else the HTTP server's
 * bind address and port, with this machine's address in place of a wildcard bind address.
 */
public final class AdvertisedAddress {

    private static final Set<String> WILDCARDS = Set.of("", "0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0");

    private AdvertisedAddress() {}

    /**
     * The advertised address.
     *
     * @param configured {@code streams.advertisedAddress}: {@code host}, {@code host:port}, {@code [v6]:port}, or
     *     empty
     * @param bindAddress the HTTP server's bind address
     * @param boundPort the port the HTTP server listens on
     * @throws IllegalArgumentException when {@code configured} is not a host or host and port
     */
    public static HostInfo resolve(String configured, String bindAddress, int boundPort) {
        return resolve(configured, bindAddress, boundPort, AdvertisedAddress::machineAddress);
    }

    static HostInfo resolve(String configured, String bindAddress, int boundPort, Supplier<String> machine) {
        Objects.requireNonNull(configured, "configured");
        Objects.requireNonNull(bindAddress, "bindAddress");
        String text = configured.strip();
        if (text.isEmpty()) {
            String bind = bindAddress.strip();
            return new HostInfo(WILDCARDS.contains(bind) ? machine.get() : unbracket(bind), boundPort);
        }
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || (close + 1 < text.length() && text.charAt(close + 1) != ':')) {
                throw invalid(configured);
            }
            String host = text.substring(1, close);
            int port = close + 1 == text.length() ? boundPort : port(text.substring(close + 2), configured);
            return new HostInfo(host, port);
        }
        int colon = text.indexOf(':');
        if (colon < 0 || colon != text.lastIndexOf(':')) {
            // No colon: a host name or IPv4 address. Several: an IPv6 address without a port.
            return new HostInfo(text, boundPort);
        }
        if (colon == 0) {
            throw invalid(configured);
        }
        return new HostInfo(text.substring(0, colon), port(text.substring(colon + 1), configured));
    }

    private static int port(String text, String configured) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65_535) {
                throw invalid(configured);
            }
            return port;
        } catch (NumberFormatException e) {
            throw invalid(configured);
        }
    }

    private static IllegalArgumentException invalid(String configured) {
        return new IllegalArgumentException("streams.advertisedAddress must be host or host:port as the other "
                + "instances reach this one, got '" + configured + "'");
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** This machine's address as other machines see it, or loopback when it has none (a lone laptop). */
    private static String machineAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            // The host name does not resolve (common on laptops): only local instances can be reached anyway.
            return InetAddress.getLoopbackAddress().getHostAddress();
        }
    }
}
