package com.requestworkflows.query.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The signatures a subscriber checks, each {@code sha256=} and a lowercase hex HMAC-SHA256 keyed with the
 * subscription's secret (its UTF-8 bytes): {@code X-Webhook-Signature} of the exact body bytes, and
 * {@code X-Webhook-Signature-V2} of the {@code X-Webhook-Timestamp} value, a dot and the body, so that a subscriber
 * who refuses old timestamps cannot be sent a captured delivery again later.
 */
public final class WebhookSignature {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] SEPARATOR = {'.'};

    private WebhookSignature() {
    }

    public static String of(String secret, byte[] body) {
        return hmac(secret, body);
    }

    public static String timestamped(String secret, long epochSeconds, byte[] body) {
        return hmac(secret, Long.toString(epochSeconds).getBytes(StandardCharsets.US_ASCII), SEPARATOR, body);
    }

    private static String hmac(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
