package io.slawatch.report;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stable pseudonyms for the public edition: HMAC-SHA256 of the id under the publisher's secret. The
 * same agent gets the same pseudonym every month; without the secret, a pseudonym cannot be tied to
 * an id even by someone who can list every agent id.
 */
public final class Pseudonyms {

    /** A secret shorter than this is refused: it could be guessed. */
    public static final int MIN_SECRET_BYTES = 16;

    /** Hex digits of the hash a pseudonym keeps. */
    static final int HEX_DIGITS = 10;

    private final byte[] secret;

    public Pseudonyms(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "the pseudonym secret has "
                            + secret.length
                            + " bytes; it needs at least "
                            + MIN_SECRET_BYTES
                            + " (e.g. head -c 32 /dev/urandom | base64 > FILE)");
        }
        this.secret = secret.clone();
    }

    public String of(String agentId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] hash = mac.doFinal(agentId.getBytes(StandardCharsets.UTF_8));
            return "agent-" + HexFormat.of().formatHex(hash).substring(0, HEX_DIGITS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
