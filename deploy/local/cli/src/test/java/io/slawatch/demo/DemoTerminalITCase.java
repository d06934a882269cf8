package io.slawatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.testkit.Await;
import io.slawatch.testkit.Checkout;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demo as a person sees it: run in a real terminal (tmux) of 80 columns, then widened to 160,
 * the screen is read several times while alerts scroll by. Exactly one status line is visible, no
 * line is wider than the terminal (wrapped lines are joined back before measuring), and BREACHED
 * alerts appear.
 */
class DemoTerminalITCase {

    /**
     * How long the demo may take to start Kafka, Elasticsearch and both jobs and show alerts: a
     * bound, not a speed check (on 2 busy cores the first breach came after 55-60 s, and once
     * later).
     */
    static final Duration RUN = Duration.ofMinutes(2);

    static final int ROWS = 40;
    static final String STATUS = "sim 20";
    static final String STOPPED = "slawatch demo: stopped; nothing left running";

    final String session = "slawatch-demo-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void killSession() throws Exception {
        tmux("kill-session", "-t", session);
    }

    @Test
    void shouldKeepOneStatusLineThatFitsWhileAlertsScrollAbove() throws Exception {
        Path cli = Path.of("target").toAbsolutePath();
        String command =
                String.join(
                        " ",
                        "java",
                        "-Dslawatch.root=" + Checkout.ROOT,
                        "-cp",
                        "'" + cli.resolve("slawatch-cli.jar") + ":" + cli.resolve("lib") + "/*'",
                        "io.slawatch.cli.SlawatchCli",
                        "demo",
                        "--minutes",
                        String.valueOf(RUN.toSeconds() / 60.0),
                        "--speed",
                        "120",
                        "--ui-port",
                        String.valueOf(freePort()),
                        "--elasticsearch-port",
                        String.valueOf(freePort()));
        tmux(
                "new-session",
                "-d",
                "-s",
                session,
                "-c",
                Checkout.ROOT.toString(),
                "-x",
                "80",
                "-y",
                String.valueOf(ROWS),
                "bash --norc --noprofile");
        // A person's screen starts with the demo: the long command line typed here is cleared.
        tmux("send-keys", "-t", session, "clear; " + command, "Enter");

        List<List<String>> at80 =
                screensUntil(
                        80,
                        screen ->
                                countStatusLines(screen) == 1
                                        && screen.stream()
                                                .anyMatch(line -> line.contains(" BREACHED ")),
                        3);
        tmux("resize-window", "-t", session, "-x", "160", "-y", String.valueOf(ROWS));
        List<List<String>> at160 =
                screensUntil(
                        160,
                        screen ->
                                screen.stream()
                                        .anyMatch(
                                                line ->
                                                        line.startsWith(STATUS)
                                                                && line.contains("event-time lag")),
                        3);

        assertThat(at80).as("screens at 80 columns; the screen now: %s", screen()).hasSize(3);
        assertThat(at160).as("screens at 160 columns; the screen now: %s", screen()).hasSize(3);
        for (List<String> screen : at80) {
            assertThat(countStatusLines(screen)).as("status lines on %s", screen).isEqualTo(1);
            assertThat(screen)
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        }
        assertThat(at80)
                .anySatisfy(
                        screen -> assertThat(screen).anyMatch(line -> line.contains(" BREACHED ")));
        for (List<String> screen : at160) {
            assertThat(countStatusLines(screen)).as("status lines on %s", screen).isEqualTo(1);
            assertThat(screen)
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(160));
        }
        List<String> end =
                Await.until(
                        this::screen,
                        screen -> screen.stream().anyMatch(line -> line.equals(STOPPED)),
                        RUN.plus(Duration.ofMinutes(3)));
        assertThat(countStatusLines(end)).as("the summary replaces the status line").isZero();
        assertThat(end)
                .anyMatch(line -> line.startsWith("  replay it: ./slawatch replay --input "));
    }

    /**
     * Screens that satisfy {@code done}, read until {@code count} of them show different status
     * lines: the simulated clock in the status moves, so they are moments apart.
     */
    private List<List<String>> screensUntil(int width, Predicate<List<String>> done, int count)
            throws Exception {
        List<List<String>> screens = new ArrayList<>();
        Await.until(
                () -> {
                    List<String> screen = screen();
                    if (done.test(screen)
                            && (screens.isEmpty()
                                    || !status(screen)
                                            .equals(status(screens.get(screens.size() - 1))))) {
                        screens.add(screen);
                    }
                    return screens.size();
                },
                seen -> seen >= count,
                RUN);
        return screens;
    }

    private static String status(List<String> screen) {
        return screen.stream().filter(line -> line.startsWith(STATUS)).findFirst().orElse("");
    }

    /** The visible screen, each wrapped line joined back into one. */
    private List<String> screen() throws Exception {
        String text = tmux("capture-pane", "-p", "-J", "-t", session);
        List<String> lines = new ArrayList<>(text.lines().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static long countStatusLines(List<String> screen) {
        return screen.stream().filter(line -> line.startsWith(STATUS)).count();
    }

    private static String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux"));
        command.addAll(List.of(args));
        Process tmux = new ProcessBuilder(command).redirectErrorStream(true).start();
        tmux.getOutputStream().close();
        String output = new String(tmux.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tmux.waitFor(10, TimeUnit.SECONDS)).as("tmux %s", command).isTrue();
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
