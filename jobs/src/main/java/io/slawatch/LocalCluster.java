package io.slawatch;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A Flink MiniCluster in this process that runs slawatch's jobs side by side, as a session cluster
 * would ({@code slawatch run}, the demo, the benchmarks): each job is submitted over the cluster's
 * REST API, with the classes of this process.
 */
public final class LocalCluster implements AutoCloseable {

    private final MiniCluster cluster;
    private final URI rest;

    private LocalCluster(MiniCluster cluster, URI rest) {
        this.cluster = cluster;
        this.rest = rest;
    }

    /**
     * Starts a cluster of one task manager with {@code slots} slots; {@code config} may set its
     * REST port ({@link RestOptions#PORT}; a free one otherwise).
     */
    public static LocalCluster start(Configuration config, int slots) throws Exception {
        Configuration cluster = new Configuration(config);
        if (!cluster.contains(RestOptions.PORT)) {
            cluster.set(RestOptions.BIND_PORT, "0");
        }
        MiniCluster miniCluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(cluster)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(slots)
                                .build());
        miniCluster.start();
        return new LocalCluster(miniCluster, miniCluster.getRestAddress().get());
    }

    /** An environment whose jobs run on this cluster, configured with {@code job}. */
    public StreamExecutionEnvironment environment(Configuration job) {
        return StreamExecutionEnvironment.createRemoteEnvironment(
                rest.getHost(), rest.getPort(), job);
    }

    public URI restAddress() {
        return rest;
    }

    @Override
    public void close() throws Exception {
        cluster.closeAsync().get(1, TimeUnit.MINUTES);
    }
}
