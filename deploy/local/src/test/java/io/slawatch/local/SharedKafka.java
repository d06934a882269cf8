package io.slawatch.local;

/** One in-process Kafka broker per test JVM, started on first use and stopped with the JVM. */
final class SharedKafka {

    private static EmbeddedKafka kafka;

    private SharedKafka() {}

    static synchronized String bootstrapServers() throws Exception {
        if (kafka == null) {
            kafka = EmbeddedKafka.start();
            EmbeddedKafka started = kafka;
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        try {
                                            started.close();
                                        } catch (Exception e) {
                                            // The JVM is going away; the data directory goes with
                                            // the temp dir.
                                        }
                                    }));
        }
        return kafka.bootstrapServers();
    }
}
