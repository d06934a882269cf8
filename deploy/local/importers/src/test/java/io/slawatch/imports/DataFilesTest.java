package io.slawatch.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.testkit.Checkout;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public logs in data/ are the files their READMEs describe, byte for byte. */
class DataFilesTest {

    private static final Pattern FILE_HASH =
            Pattern.compile("\\| File SHA-256 \\| `([0-9a-f]{64})`");
    private static final Pattern INNER_HASH =
            Pattern.compile("Inner (?:CSV )?SHA-256:?\\s*\\|?\\s*`([0-9a-f]{64})`");

    @ParameterizedTest
    @ValueSource(strings = {"incident_event_log.csv.gz", "helpdesk_event_log.csv.gz"})
    void shouldMatchTheHashesItsReadmeGives(String name) throws Exception {
        Path log = Checkout.resolve("data/" + name);
        String readme =
                Files.readString(
                        Checkout.resolve("data/" + name.replace(".gz", "") + ".README.md"));

        assertThat(sha256(Files.newInputStream(log))).isEqualTo(stated(FILE_HASH, readme));
        assertThat(sha256(new GZIPInputStream(Files.newInputStream(log))))
                .isEqualTo(stated(INNER_HASH, readme));
    }

    private static String stated(Pattern pattern, String readme) {
        Matcher matcher = pattern.matcher(readme);
        assertThat(matcher.find()).as("README states %s", pattern).isTrue();
        return matcher.group(1);
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
