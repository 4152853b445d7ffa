package org.raqib.alerts.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,} then the base64 HMAC-SHA256, keyed by the secret, of
 * {@code webhook-id + "." + webhook-timestamp + "." + body}. A secret written {@code whsec_<base64>} is keyed by
 * its decoded bytes, as the specification says; any other secret by its UTF-8 bytes.
 */
public final class WebhookSignature {

    private WebhookSignature() {}

    /** The {@code webhook-signature} header value for one message. */
    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute HMAC-SHA256, which every Java runtime provides", e);
        }
    }

    private static byte[] key(String secret) {
        if (secret.startsWith("whsec_")) {
            try {
                return Base64.getDecoder().decode(secret.substring("whsec_".length()));
            } catch (IllegalArgumentException e) {
                // Not base64 after the prefix: fall through and key by the text, as the sender and receiver agree.
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
