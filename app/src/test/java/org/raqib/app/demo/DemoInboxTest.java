package org.raqib.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class DemoInboxTest {

    @Test
    void refusesAWebhookWithoutAValidSignatureAndSaysSo() throws Exception {
        StringWriter log = new StringWriter();
        try (DemoInbox inbox = new DemoInbox(new PrintWriter(log), 0, 0)) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(inbox.webhookUrl())
                    .header("webhook-id", "msg-1").header("webhook-timestamp", "1700000000")
                    .header("webhook-signature", "v1,bm90IGEgc2lnbmF0dXJl")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(inbox.webhooksRefused()).isEqualTo(1);
            assertThat(inbox.webhooksVerified()).isZero();
            assertThat(log.toString()).contains("REFUSED", "msg-1");
        }
    }

    @Test
    void pointsTheAlertsServiceAtItsOwnMailServerAndAllowsLoopbackWebhooks() throws Exception {
        try (DemoInbox inbox = new DemoInbox(new PrintWriter(new StringWriter()), 0, 0)) {
            assertThat(inbox.alertsSettings()).containsEntry("alerts.email.port", Integer.toString(inbox.smtpPort()))
                    .containsEntry("alerts.email.host", "127.0.0.1").containsEntry("alerts.email.tls", "none")
                    .containsEntry("alerts.allowPrivateAddresses", "true");
            assertThat(inbox.webhookUrl().getHost()).isEqualTo("127.0.0.1");
        }
    }
}
