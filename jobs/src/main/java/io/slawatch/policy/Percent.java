package io.slawatch.policy;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;

/** A percentage with two decimals at most, written {@code 75%} in policy files. */
public record Percent(int basisPoints) implements Serializable {

    public Percent {
        if (basisPoints < 0) {
            throw new IllegalArgumentException("a percentage cannot be negative");
        }
    }

    /** Parses {@code 75%} or {@code 12.5%}. */
    public static Percent parse(String text) {
        String trimmed = text.trim();
        if (!trimmed.endsWith("%")) {
            throw new IllegalArgumentException("expected a percentage such as 75%");
        }
        try {
            BigDecimal value = new BigDecimal(trimmed.substring(0, trimmed.length() - 1).trim());
            if (value.scale() > 2) {
                throw new IllegalArgumentException("at most two decimals, e.g. 12.25%");
            }
            return new Percent(value.movePointRight(2).intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("expected a percentage such as 75%");
        }
    }

    /** This share of {@code duration}, rounded down to whole seconds. */
    public Duration of(Duration duration) {
        return Duration.ofSeconds(
                Math.multiplyExact(duration.getSeconds(), (long) basisPoints) / 10_000);
    }

    public boolean isZero() {
        return basisPoints == 0;
    }

    @Override
    public String toString() {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + "%";
    }
}
