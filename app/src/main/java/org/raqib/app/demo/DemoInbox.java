package org.raqib.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.raqib.alerts.delivery.webhook.WebhookSignature;
import org.raqib.core.json.Json;

/**
 * The demo's subscriber, on loopback: a webhook receiver that checks each request's Standard Webhooks signature
 * with the subscription's secret, as a subscriber's endpoint would, and a mail server (GreenMail) that takes the alert
 * mail. Each prints one line per arrival, so {@code raqib demo} shows the push channels working with nothing outside
 * the process. {@link #subscribe} creates the subscription that sends to both through the alerts API, the way any
 * subscriber would.
 */
public final class DemoInbox implements AutoCloseable {

    /** The demo subscription's id. */
    public static final String SUBSCRIPTION_ID = "demo-analyst";
    /** Where the demo subscription's mail goes. */
    public static final String MAILBOX = "analyst@raqib.demo";

    private final PrintWriter out;
    private final Javalin webhooks;
    private final GreenMail mail;
    private final ScheduledExecutorService mailWatch;
    private final AtomicInteger verified = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile String secret = "";
    private int mailsPrinted;

    /**
     * Starts both servers on 127.0.0.1.
     *
     * @param out where arrivals are printed
     * @param webhookPort port of the webhook receiver, 0 for any free one
     * @param smtpPort port of the mail server, 0 for any free one
     * @throws IOException when a port cannot be bound
     */
    public DemoInbox(PrintWriter out, int webhookPort, int smtpPort) throws IOException {
        this.out = out;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.webhooks = Javalin.create(config -> config.showJavalinBanner = false);
        webhooks.post("/webhook", this::receive);
        try {
            webhooks.start(loopback.getHostAddress(), webhookPort);
        } catch (RuntimeException e) {
            throw new IOException("the demo subscriber's webhook receiver cannot listen on 127.0.0.1:" + webhookPort
                    + " (" + e.getMessage() + "); choose another port with --webhook-port", e);
        }
        ServerSetup smtp = new ServerSetup(smtpPort, loopback.getHostAddress(), ServerSetup.PROTOCOL_SMTP);
        this.mail = new GreenMail(smtpPort == 0 ? smtp.dynamicPort() : smtp);
        try {
            mail.start();
        } catch (RuntimeException e) {
            webhooks.stop();
            throw new IOException("the demo's mail server cannot listen on 127.0.0.1:" + smtpPort + " (" + e.getMessage()
                    + "); choose another port with --smtp-port", e);
        }
        this.mailWatch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "raqib-demo-mail");
            t.setDaemon(true);
            return t;
        });
        mailWatch.scheduleWithFixedDelay(this::printNewMail, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** The URL the demo subscription's webhooks go to. */
    public URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + webhooks.port() + "/webhook");
    }

    /** The mail server's SMTP port. */
    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    /**
     * Settings that point the alerts service at this inbox: mail to its server without TLS, and webhooks to
     * loopback allowed (the SSRF guard refuses them otherwise).
     */
    public Map<String, String> alertsSettings() {
        return Map.of("alerts.allowPrivateAddresses", "true", "alerts.email.host", "127.0.0.1",
                "alerts.email.port", Integer.toString(smtpPort()), "alerts.email.tls", "none");
    }

    /**
     * Creates or replaces the demo subscription through the alerts API at {@code api} with the admin token, and keeps
     * its webhook secret to check signatures with. The API may still be reading its topics: it is asked again until
     * it answers or {@code patience} runs out.
     *
     * @throws IOException when the API does not accept the subscription in time
     */
    public void subscribe(URI api, String adminToken, Duration patience) throws IOException, InterruptedException {
        String body = "{\"name\":\"Demo analyst (webhook and email)\",\"minSeverity\":\"medium\",\"maxPerHour\":30,"
                + "\"channels\":[{\"type\":\"webhook\",\"target\":\"" + webhookUrl() + "\"},"
                + "{\"type\":\"email\",\"target\":\"" + MAILBOX + "\"}]}";
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/api/subscriptions/" + SUBSCRIPTION_ID))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(patience);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    secret = Json.mapper().readTree(response.body()).path("secret").asText("");
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IOException("the alerts API did not accept the demo subscription within " + patience + ": " + last);
    }

    /** Webhooks received with a valid signature. */
    public int webhooksVerified() {
        return verified.get();
    }

    /** Webhooks refused for a missing or wrong signature. */
    public int webhooksRefused() {
        return refused.get();
    }

    /** Mails received. */
    public int mails() {
        return mail.getReceivedMessages().length;
    }

    private void receive(Context ctx) {
        String body = ctx.body();
        String id = header(ctx, "webhook-id");
        String timestamp = header(ctx, "webhook-timestamp");
        boolean valid = !secret.isEmpty() && signedBy(secret, id, timestamp, body, header(ctx, "webhook-signature"));
        (valid ? verified : refused).incrementAndGet();
        print(valid ? "webhook  signature ok   " + title(body) : "webhook  REFUSED (bad signature) " + id);
        ctx.status(valid ? 204 : 401);
    }

    /** Whether one of the space-separated signatures is {@code secret}'s over id, timestamp and body. */
    private static boolean signedBy(String secret, String id, String timestamp, String body, String signatures) {
        byte[] expected;
        try {
            expected = WebhookSignature.sign(secret, id, Long.parseLong(timestamp), body)
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (NumberFormatException e) {
            return false;
        }
        for (String signature : signatures.split(" ")) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static String header(Context ctx, String name) {
        String value = ctx.header(name);
        return value == null ? "" : value;
    }

    private static String title(String cloudEvent) {
        try {
            JsonNode match = Json.mapper().readTree(cloudEvent).path("data").path("match");
            return match.path("title").asText("") + "  (" + match.path("source").asText("") + ")";
        } catch (IOException e) {
            return "(not a CloudEvent)";
        }
    }

    private synchronized void printNewMail() {
        MimeMessage[] received = mail.getReceivedMessages();
        for (; mailsPrinted < received.length; mailsPrinted++) {
            String subject;
            try {
                subject = received[mailsPrinted].getSubject();
            } catch (MessagingException e) {
                subject = "(unreadable subject: " + e.getMessage() + ")";
            }
            print("email    to " + MAILBOX + "   " + subject);
        }
    }

    private void print(String line) {
        synchronized (out) {
            out.println("  [demo subscriber] " + line);
            out.flush();
        }
    }

    /** Stops both servers. */
    @Override
    public void close() {
        mailWatch.shutdownNow();
        webhooks.stop();
        mail.stop();
    }
}
