package io.slawatch.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The slawatch checkout the tests run in: contracts, policies, dashboards, data and the README are
 * read where they live, never from copies. The build passes it as {@code slawatch.root}.
 */
public final class Checkout {

    /** The checkout's root directory. */
    public static final Path ROOT = locate();

    /** The policy slawatch ships. */
    public static final Path DEFAULT_POLICY = ROOT.resolve("deploy/policies/default.yaml");

    private Checkout() {}

    /** A file or directory of the checkout, by its path from the root. */
    public static Path resolve(String path) {
        return ROOT.resolve(path);
    }

    private static Path locate() {
        String root = System.getProperty("slawatch.root");
        if (root == null || !Files.isRegularFile(Path.of(root, "slawatch"))) {
            throw new IllegalStateException(
                    "slawatch.root is '"
                            + root
                            + "', not a slawatch checkout: run the tests through Maven (mvn -B"
                            + " verify), which sets it, or pass -Dslawatch.root=<checkout>");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }
}
