package io.slawatch.policy;

/** One thing wrong in a policy or calendar file: where, what rule it breaks, and how to fix it. */
public record Problem(String file, int line, int column, String reason, String fix) {

    @Override
    public String toString() {
        return file
                + ":"
                + line
                + ":"
                + column
                + ": "
                + reason
                + (fix == null ? "" : " (fix: " + fix + ")");
    }
}
