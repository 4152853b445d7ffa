package org.raqib.alerts.delivery.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.raqib.alerts.delivery.DeliveryChannel;
import org.raqib.alerts.delivery.DeliveryResult;
import org.raqib.alerts.delivery.DestinationLimiter;
import org.raqib.core.config.EmailSettings;
import org.raqib.core.model.Alert;
import org.raqib.core.model.Subscription;

/**
 * Sends one alert mail per alert over SMTP ({@code alerts.email}): {@code multipart/alternative} with the text
 * and the right-to-left HTML of {@link AlertMail}. Each mail is one SMTP session, bounded by the delivery timeout;
 * at most {@code alerts.requestsPerDestination} sessions are open at a time and the other mails wait their turn
 * in order (the {@link DestinationLimiter}), because SMTP servers refuse a client that opens many connections at once
 * and a backlog of alerts would otherwise open one per mail. Without a configured host every attempt fails (and is
 * retried), saying what to configure.
 */
public final class EmailChannel implements DeliveryChannel {

    private final EmailSettings settings;
    private final String publicUrl;
    private final Session session;
    private final DestinationLimiter limiter;
    private final String destination;

    /**
     * A channel for the SMTP server of {@code settings}; links point under {@code publicUrl}; sessions with the
     * server take their turn through {@code limiter}.
     */
    public EmailChannel(EmailSettings settings, String publicUrl, Duration timeout, DestinationLimiter limiter) {
        this.settings = settings;
        this.limiter = limiter;
        this.destination = "smtp:" + settings.host().toLowerCase(Locale.ROOT) + ":" + settings.port();
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        String protocol = settings.tls().equals("smtps") ? "smtps" : "smtp";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", settings.host());
        props.put("mail." + protocol + ".port", Integer.toString(settings.port()));
        props.put("mail." + protocol + ".connectiontimeout", Long.toString(timeout.toMillis()));
        props.put("mail." + protocol + ".timeout", Long.toString(timeout.toMillis()));
        props.put("mail." + protocol + ".writetimeout", Long.toString(timeout.toMillis()));
        props.put("mail." + protocol + ".auth", Boolean.toString(!settings.username().isEmpty()));
        if (settings.tls().equals("starttls")) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (!settings.tls().equals("none")) {
            props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(props);
    }

    @Override
    public String type() {
        return "email";
    }

    @Override
    public CompletableFuture<DeliveryResult> deliver(Alert alert, Subscription subscription, String target) {
        if (settings.host().isBlank()) {
            return CompletableFuture.completedFuture(
                    DeliveryResult.retry("no SMTP server: set alerts.email.host to deliver email"));
        }
        return limiter.submit(destination, () -> {
            try {
                send(message(alert, target));
                return DeliveryResult.ok("sent to " + target);
            } catch (MessagingException e) {
                return DeliveryResult.retry("SMTP: " + e.getMessage());
            }
        });
    }

    /** One digest mail with {@code alerts} grouped by story. */
    @Override
    public CompletableFuture<DeliveryResult> deliverAll(List<Alert> alerts, Subscription subscription, String target) {
        if (alerts.size() == 1) {
            return deliver(alerts.get(0), subscription, target);
        }
        if (settings.host().isBlank()) {
            return CompletableFuture.completedFuture(
                    DeliveryResult.retry("no SMTP server: set alerts.email.host to deliver email"));
        }
        return limiter.submit(destination, () -> {
            try {
                send(message(AlertMail.digestSubject(subscription, alerts), AlertMail.digestText(alerts),
                        AlertMail.digestHtml(subscription, alerts), target, alerts.get(alerts.size() - 1).createdAt()));
                return DeliveryResult.ok("digest of " + alerts.size() + " sent to " + target);
            } catch (MessagingException e) {
                return DeliveryResult.retry("SMTP: " + e.getMessage());
            }
        });
    }

    private void send(MimeMessage message) throws MessagingException {
        Transport.send(message, settings.username().isEmpty() ? null : settings.username(),
                settings.username().isEmpty() ? null : settings.password());
    }

    /** The message for {@code alert} to {@code to}. */
    MimeMessage message(Alert alert, String to) throws MessagingException {
        String alertUrl = publicUrl + "/api/alerts/" + alert.id();
        MimeMessage message = message(AlertMail.subject(alert), AlertMail.text(alert, alertUrl),
                AlertMail.html(alert, alertUrl), to, alert.createdAt());
        message.setHeader("X-Raqib-Alert-Id", alert.id());
        return message;
    }

    private MimeMessage message(String subject, String textBody, String htmlBody, String to, Instant sent)
            throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(textBody, StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(htmlBody, StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(sent));
        message.setContent(alternative);
        return message;
    }
}
