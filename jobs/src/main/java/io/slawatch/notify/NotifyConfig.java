package io.slawatch.notify;

import io.slawatch.model.Alert;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The notification file: receivers, and the routes that send alerts to them. */
public record NotifyConfig(String file, List<Receiver> receivers, List<Route> routes)
        implements Serializable {

    public NotifyConfig {
        receivers = List.copyOf(receivers);
        routes = List.copyOf(routes);
    }

    public Map<String, Receiver> receiversByName() {
        return receivers.stream()
                .collect(Collectors.toMap(Receiver::name, Function.identity(), (a, b) -> a));
    }

    /** The receivers {@code alert} goes to, each once, in the order of the routes. */
    public Set<String> receiversOf(Alert alert) {
        Set<String> names = new LinkedHashSet<>();
        for (Route route : routes) {
            if (route.matches(alert)) {
                names.add(route.receiver());
            }
        }
        return names;
    }
}
