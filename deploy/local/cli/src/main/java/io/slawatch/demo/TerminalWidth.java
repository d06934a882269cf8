package io.slawatch.demo;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * How many columns the controlling terminal has now, as {@code stty size} reports it (so a resize
 * is seen); else the {@code COLUMNS} the shell exported; else {@link #UNKNOWN}.
 */
final class TerminalWidth {

    /** The width assumed when none can be read: the classic terminal's. */
    static final int UNKNOWN = 80;

    private TerminalWidth() {}

    static int read() {
        try {
            Process stty =
                    new ProcessBuilder("stty", "size")
                            .redirectInput(new File("/dev/tty"))
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
            if (stty.waitFor(1, TimeUnit.SECONDS) && stty.exitValue() == 0) {
                String[] rowsColumns =
                        new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                                .trim()
                                .split("\\s+");
                if (rowsColumns.length == 2) {
                    return positive(rowsColumns[1]);
                }
            }
            stty.destroyForcibly();
        } catch (IOException | NumberFormatException e) {
            // No terminal to ask: fall back to what the shell said, or the classic width.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String columns = System.getenv("COLUMNS");
        try {
            return columns == null ? UNKNOWN : positive(columns.trim());
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
    }

    private static int positive(String text) {
        int columns = Integer.parseInt(text);
        if (columns < 1) {
            throw new NumberFormatException(text);
        }
        return columns;
    }
}
