package io.slawatch.cli;

import io.slawatch.notify.MatchField;
import io.slawatch.notify.NotifyConfig;
import io.slawatch.notify.NotifyConfigLoader;
import io.slawatch.notify.Receiver;
import io.slawatch.notify.Route;
import io.slawatch.notify.SecretSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slawatch notify check FILE…}: validate notification files and summarise them. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Validate notification files. A good file prints its receivers and routes (exit 0),"
                    + " naming where each secret is read from and whether it is there on this"
                    + " machine, never the secret; a bad one prints every problem as"
                    + " file:line:column: reason (fix: …) (exit 1)."
        })
final class NotifyCheckCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Notification files (YAML).")
    List<Path> files;

    @Override
    public Integer call() {
        return Inputs.checkEach(
                files,
                NotifyConfigLoader::load,
                (file, config) -> summary(config),
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    static String summary(NotifyConfig config) {
        StringBuilder text =
                new StringBuilder(config.file())
                        .append(": ")
                        .append(config.receivers().size())
                        .append(config.receivers().size() == 1 ? " receiver, " : " receivers, ")
                        .append(config.routes().size())
                        .append(config.routes().size() == 1 ? " route\n" : " routes\n");
        for (Receiver receiver : config.receivers()) {
            text.append("  receiver ")
                    .append(receiver.name())
                    .append(": ")
                    .append(receiver.type().fileName())
                    .append(" at ")
                    .append(receiver.url());
            if (receiver.secret() != null) {
                text.append(", secret from ").append(secret(receiver.secret()));
            }
            if (receiver.user() != null) {
                text.append(", basic auth as ")
                        .append(receiver.user())
                        .append(" with the password from ")
                        .append(secret(receiver.password()));
            }
            text.append(
                    switch (receiver.type()) {
                        case ALERTMANAGER ->
                                ", firing alerts re-sent every " + receiver.resendInterval();
                        case WEBHOOK -> ", CloudEvents signed per Standard Webhooks";
                        case PAGERDUTY -> ", one incident per clock cycle";
                    });
            text.append("; retried for ").append(receiver.maxAge()).append('\n');
        }
        for (Route route : config.routes()) {
            text.append("  route to ").append(route.receiver()).append(": ");
            if (route.match().isEmpty()) {
                text.append("every alert");
            } else {
                StringBuilder match = new StringBuilder();
                for (MatchField field : MatchField.values()) {
                    Set<String> values = route.match().get(field);
                    if (values != null) {
                        match.append(match.isEmpty() ? "" : ", ")
                                .append(field.fileName())
                                .append(" in ")
                                .append(values.stream().sorted().toList());
                    }
                }
                text.append(match);
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String secret(SecretSource source) {
        return source + (source.available() ? " (there)" : " (not there on this machine)");
    }
}
