package io.slawatch.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 signatures: {@code v1,} and the Base64 HMAC-SHA256 of {@code
 * {id}.{timestamp}.{body}} under each {@code whsec_} secret, space-separated while keys rotate.
 */
public final class StandardWebhooks {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    static final String SECRET_PREFIX = "whsec_";

    private StandardWebhooks() {}

    /** The secrets in {@code text}: one or more {@code whsec_…}, separated by white space. */
    public static List<byte[]> keys(String text) {
        List<byte[]> keys = new ArrayList<>();
        for (String secret : text.strip().split("\\s+")) {
            String encoded =
                    secret.startsWith(SECRET_PREFIX)
                            ? secret.substring(SECRET_PREFIX.length())
                            : secret;
            try {
                keys.add(Base64.getDecoder().decode(encoded));
            } catch (IllegalArgumentException e) {
                // The secret itself is never repeated in a message.
                throw new IllegalArgumentException(
                        "a webhook secret is not whsec_ followed by Base64", e);
            }
        }
        return keys;
    }

    /** The {@code webhook-signature} header's value. */
    public static String signature(List<byte[]> keys, String id, long timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        StringBuilder header = new StringBuilder();
        for (byte[] key : keys) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                mac.update(prefix);
                byte[] signature = mac.doFinal(body);
                header.append(header.isEmpty() ? "" : " ")
                        .append("v1,")
                        .append(Base64.getEncoder().encodeToString(signature));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
        return header.toString();
    }
}
