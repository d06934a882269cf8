package io.slawatch.notify;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a secret is read from: a file or an environment variable, named in the notification file,
 * never the secret itself. It is read where the deliveries are made, and never printed: {@link
 * #toString} names the source only.
 */
public record SecretSource(String file, String env) implements Serializable {

    public static SecretSource ofFile(String file) {
        return new SecretSource(file, null);
    }

    public static SecretSource ofEnv(String env) {
        return new SecretSource(null, env);
    }

    /** The secret, trimmed; fails with where it looked when it is absent or empty. */
    public String read() {
        String value;
        if (file != null) {
            try {
                value = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the secret file " + file + ": " + e);
            }
        } else {
            value = System.getenv(env);
            value = value == null ? "" : value.strip();
        }
        if (value.isEmpty()) {
            throw new IllegalStateException(this + " is empty or not set");
        }
        return value;
    }

    /** Whether {@link #read} would find a value here, now. */
    public boolean available() {
        try {
            read();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return file != null ? "the secret file " + file : "the environment variable " + env;
    }
}
