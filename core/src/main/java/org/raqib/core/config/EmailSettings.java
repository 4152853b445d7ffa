package org.raqib.core.config;

import java.util.List;

/**
 * The SMTP server of the alerts email channel ({@code alerts.email}).
 *
 * @param host SMTP host; empty disables the email channel
 * @param port SMTP port
 * @param tls {@code none}, {@code starttls} (required) or {@code smtps} (TLS from the start)
 * @param username login, empty for none
 * @param password password, empty for none (prefer the environment override to the file)
 * @param from the From address of alert mail
 */
public record EmailSettings(String host, int port, String tls, String username, String password, String from) {

    public EmailSettings {
        host = host == null ? "" : host;
        Checks.port("port", port);
        if (!List.of("none", "starttls", "smtps").contains(tls)) {
            throw new IllegalArgumentException("tls must be none, starttls or smtps, got " + tls);
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        Checks.notBlank("from", from);
    }
}
