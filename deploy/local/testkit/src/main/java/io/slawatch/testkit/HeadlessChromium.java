package io.slawatch.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Chromium, headless, looking at a page as a person's browser would: what its console
 * said, what it loaded, the size each chart took, its visible text, and a screenshot. CI installs
 * the package ({@code .ci/run}); started with a fresh profile and without background networking,
 * which this machine's closed network would refuse.
 */
public final class HeadlessChromium {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    static final long TIMEOUT_SECONDS = 90;

    private static final Pattern DUMPED =
            Pattern.compile("<pre id=\"result\">(.*?)</pre>", Pattern.DOTALL);

    private HeadlessChromium() {}

    /**
     * What a browser made of a page.
     *
     * @param console the console's messages
     * @param resources every URL the page loaded besides itself
     * @param charts each {@code svg.chart}'s id and rendered width and height, in CSS pixels
     * @param text the page's visible text
     */
    public record Look(
            List<String> console, List<String> resources, List<Chart> charts, String text) {}

    public record Chart(String id, double width, double height) {}

    /** Opens {@code page} at the given width and reports what it shows. */
    public static Look look(Path page, int width) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("slawatch-chromium-");
        List<String> console = new ArrayList<>();
        for (String line :
                run(dir, List.of("--enable-logging=stderr", "--v=0", "--dump-dom"), page, width)
                        .stderr()
                        .lines()
                        .toList()) {
            int at = line.indexOf(":CONSOLE");
            if (at >= 0) {
                console.add(line.substring(line.indexOf(']', at) + 1).trim());
            }
        }
        // A page beside the report frames it and measures it once it has loaded.
        Path probe = page.resolveSibling(".probe-" + page.getFileName());
        Files.writeString(
                probe,
                "<!DOCTYPE html><html><body><pre id=\"result\">pending</pre><iframe id=\"page\""
                        + " style=\"width:"
                        + width
                        + "px;height:4000px;border:0\"></iframe><script>const frame ="
                        + " document.getElementById('page');frame.addEventListener('load', () => {"
                        + " const doc = frame.contentDocument; const charts ="
                        + " [...doc.querySelectorAll('svg.chart')].map(s => { const r ="
                        + " s.getBoundingClientRect(); return {id: s.id, width: r.width, height:"
                        + " r.height}; }); const resources ="
                        + " frame.contentWindow.performance.getEntriesByType('resource').map(e =>"
                        + " e.name); document.getElementById('result').textContent ="
                        + " JSON.stringify({charts, resources, text: doc.body.innerText}); });"
                        + " frame.src = '"
                        + page.getFileName()
                        + "';</script></body></html>",
                StandardCharsets.UTF_8);
        try {
            String dom =
                    run(dir, List.of("--allow-file-access-from-files", "--dump-dom"), probe, width)
                            .stdout();
            Matcher matcher = DUMPED.matcher(dom);
            if (!matcher.find() || matcher.group(1).equals("pending")) {
                throw new IllegalStateException("the page did not load in Chromium:\n" + dom);
            }
            JsonNode result = new ObjectMapper().readTree(unescape(matcher.group(1)));
            List<String> resources = new ArrayList<>();
            result.path("resources").forEach(r -> resources.add(r.asText()));
            List<Chart> charts = new ArrayList<>();
            result.path("charts")
                    .forEach(
                            c ->
                                    charts.add(
                                            new Chart(
                                                    c.path("id").asText(),
                                                    c.path("width").asDouble(),
                                                    c.path("height").asDouble())));
            return new Look(console, resources, charts, result.path("text").asText());
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** A PNG of the whole page's top {@code height} pixels at {@code width}. */
    public static void screenshot(Path page, Path png, int width, int height)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("slawatch-chromium-");
        run(
                dir,
                List.of(
                        "--hide-scrollbars",
                        "--window-size=" + width + "," + height,
                        "--screenshot=" + png.toAbsolutePath()),
                page,
                width);
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("Chromium wrote no screenshot at " + png);
        }
    }

    /** The page printed to PDF, as a person's "Print to PDF" would. */
    public static void pdf(Path page, Path pdf) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("slawatch-chromium-");
        run(
                dir,
                List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf.toAbsolutePath()),
                page,
                1000);
        if (!Files.isRegularFile(pdf)) {
            throw new IllegalStateException("Chromium wrote no PDF at " + pdf);
        }
    }

    private record Output(String stdout, String stderr) {}

    private static Output run(Path profile, List<String> options, Path page, int width)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(
                    BINARY
                            + " is missing: install Debian's chromium (apt-get install -y chromium),"
                            + " as .ci/run does");
        }
        List<String> command =
                new ArrayList<>(
                        List.of(
                                BINARY.toString(),
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--virtual-time-budget=5000",
                                "--user-data-dir=" + profile.resolve("profile")));
        if (options.stream().noneMatch(o -> o.startsWith("--window-size"))) {
            command.add("--window-size=" + width + ",1000");
        }
        command.addAll(options);
        command.add(page.toAbsolutePath().toUri().toString());
        Path stdout = profile.resolve("stdout");
        Path stderr = profile.resolve("stderr");
        Process chromium =
                new ProcessBuilder(command)
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
        if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Output(
                Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
