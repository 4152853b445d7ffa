package org.raqib.alerts.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void matchesTheStandardWebhooksExample() {
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void changesWhenTheBodyChanges() {
        assertThat(WebhookSignature.sign("whsec_c2VjcmV0", "id", 1, "a"))
                .isNotEqualTo(WebhookSignature.sign("whsec_c2VjcmV0", "id", 1, "b"));
    }
}
