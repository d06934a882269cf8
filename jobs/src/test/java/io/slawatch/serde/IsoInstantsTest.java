package io.slawatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    private static final Instant MONDAY_0900 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void shouldWriteWholeSecondsWithoutAFraction() {
        assertThat(IsoInstants.format(MONDAY_0900)).isEqualTo("2026-01-05T09:00:00Z");
    }

    @Test
    void shouldWriteFractionsInGroupsOfThreeDigitsAsTheJdkDoes() {
        assertThat(IsoInstants.format(MONDAY_0900.plusMillis(5)))
                .isEqualTo("2026-01-05T09:00:00.005Z");
        assertThat(IsoInstants.format(MONDAY_0900.plusNanos(5_000)))
                .isEqualTo("2026-01-05T09:00:00.000005Z");
        assertThat(IsoInstants.format(MONDAY_0900.plusNanos(5)))
                .isEqualTo("2026-01-05T09:00:00.000000005Z");
    }

    @Test
    void shouldMatchTheJdkOnCalendarEdges() {
        for (String edge :
                new String[] {
                    "0000-01-01T00:00:00Z",
                    "1900-02-28T23:59:59Z",
                    "1900-03-01T00:00:00Z",
                    "1969-12-31T23:59:59.999Z",
                    "1970-01-01T00:00:00Z",
                    "2000-02-29T12:00:00Z",
                    "2024-12-31T23:59:59.999999999Z",
                    "9999-12-31T23:59:59.999999999Z"
                }) {
            assertThat(IsoInstants.format(Instant.parse(edge))).isEqualTo(edge);
        }
    }

    @Test
    void shouldMatchTheJdkOnAMillionInstantsOfYearsZeroTo9999() {
        SplittableRandom random = new SplittableRandom(7);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 1_000_000; i++) {
            int nanos =
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    };
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max + 1), nanos);
            assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void shouldLeaveYearsBeyondFourDigitsToTheJdk() {
        Instant farFuture = Instant.parse("+10000-01-01T00:00:00Z");
        Instant beforeYearZero = Instant.parse("-0001-12-31T23:59:59Z");
        assertThat(IsoInstants.format(farFuture)).isEqualTo("+10000-01-01T00:00:00Z");
        assertThat(IsoInstants.format(beforeYearZero)).isEqualTo("-0001-12-31T23:59:59Z");
        assertThat(IsoInstants.write(farFuture, new char[30])).isEqualTo(-1);
    }

    @Test
    void shouldWriteInstantsInJsonAsTheJdkDoes() {
        record Stamp(Instant at) {}

        assertThat(Json.write(new Stamp(MONDAY_0900.plusMillis(250))))
                .isEqualTo("{\"at\":\"2026-01-05T09:00:00.250Z\"}");
        assertThat(Json.write(new Stamp(Instant.parse("+10000-01-01T00:00:00Z"))))
                .isEqualTo("{\"at\":\"+10000-01-01T00:00:00Z\"}");
    }

    @Test
    void shouldReadTheCommonFormAsTheJdkDoes() {
        assertThat(IsoInstants.parse("2026-01-05T09:00:00Z")).isEqualTo(MONDAY_0900);
        assertThat(IsoInstants.parse("2026-01-05T10:30:00.5+01:30"))
                .isEqualTo(MONDAY_0900.plusMillis(500));
        assertThat(IsoInstants.parse("2026-01-04T23:00:00.000000001-10:00"))
                .isEqualTo(MONDAY_0900.plusNanos(1));
    }

    @Test
    void shouldLeaveOtherFormsToTheJdk() {
        assertThat(IsoInstants.parse("2026-01-05t09:00z")).isEqualTo(MONDAY_0900);
        assertThat(IsoInstants.parse("2026-01-05T09:00:00+00")).isEqualTo(MONDAY_0900);
        assertThat(IsoInstants.parse("2026-01-06T03:00:00+18:00")).isEqualTo(MONDAY_0900);
        assertThat(IsoInstants.parse("+10000-01-01T00:00:00Z"))
                .isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
    }

    @Test
    void shouldRefuseWhatTheJdkRefuses() {
        for (String bad :
                new String[] {
                    "2025-02-29T09:00:00Z",
                    "2026-13-01T09:00:00Z",
                    "2026-01-05T24:00:00Z",
                    "2026-01-05T09:60:00Z",
                    "2026-01-05T09:00:00",
                    "2026-01-05T09:00:00.1234567890Z",
                    "2026-01-05T09:00:00+18:30",
                    "2026-01-05 09:00:00Z",
                    "2026-1-05T09:00:00Z",
                    "yesterday"
                }) {
            assertThatThrownBy(() -> IsoInstants.parse(bad))
                    .as(bad)
                    .isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void shouldReadAMillionInstantsWithOffsetsAsTheJdkDoes() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 1_000_000; i++) {
            String text =
                    String.format(
                            "%04d-%02d-%02dT%02d:%02d:%02d%s%s",
                            random.nextInt(10_000),
                            1 + random.nextInt(12),
                            1 + random.nextInt(31),
                            random.nextInt(25),
                            random.nextInt(61),
                            random.nextInt(61),
                            switch (i % 4) {
                                case 0 -> "";
                                case 1 -> "." + random.nextInt(1000);
                                case 2 -> String.format(".%06d", random.nextInt(1_000_000));
                                default -> String.format(".%09d", random.nextInt(1_000_000_000));
                            },
                            i % 3 == 0
                                    ? "Z"
                                    : String.format(
                                            "%s%02d:%02d",
                                            random.nextBoolean() ? "+" : "-",
                                            random.nextInt(19),
                                            random.nextInt(61)));
            Instant expected;
            try {
                expected = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                assertThatThrownBy(() -> IsoInstants.parse(text))
                        .as(text)
                        .isInstanceOf(DateTimeParseException.class);
                continue;
            }
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(expected);
        }
    }
}
