package io.slawatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.LiveJobOptions;
import io.slawatch.testkit.Checkout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's command and option references agree with the code. */
class ReadmeTest {

    static final Path README = Checkout.ROOT.resolve("README.md");

    static String section(String readme, String heading) {
        int start = readme.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        int end = readme.indexOf("\n#", start + heading.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    @Test
    void shouldTableExactlyTheLiveJobsOptionsAsDefined() throws IOException {
        String section = section(Files.readString(README), "### Live job options");
        String table = section.substring(section.indexOf("| option |")).strip() + "\n";

        assertThat(table).isEqualTo(LiveJobOptions.markdownTable());
    }

    @Test
    void shouldNameEveryModuleInTheLayout() throws IOException {
        String layout = section(Files.readString(README), "## Layout");
        Matcher module =
                Pattern.compile("<module>([^<]+)</module>")
                        .matcher(Files.readString(Checkout.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1));
        }
        assertThat(modules).isNotEmpty();
        assertThat(modules).allSatisfy(name -> assertThat(layout).contains("| `" + name + "` ("));
    }

    @Test
    void shouldShowTheTwoCommandsFirstAndEveryCommandInTheTable() throws IOException {
        String readme = Files.readString(README);
        assertThat(readme.lines().skip(3).limit(2).toList())
                .allMatch(
                        line ->
                                line.startsWith("./slawatch demo")
                                        || line.startsWith("mvn -B verify"));
        String commands = section(readme, "## Commands");
        CommandLine cli = SlawatchCli.commandLine(new ByteArrayInputStream(new byte[0]));
        for (String name : cli.getSubcommands().keySet()) {
            if (!name.equals("help")) {
                assertThat(commands).as(name).contains("`./slawatch " + name);
            }
        }
    }
}
