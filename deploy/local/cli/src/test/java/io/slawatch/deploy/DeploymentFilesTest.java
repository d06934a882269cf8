package io.slawatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.slawatch.LiveJobOptions;
import io.slawatch.testkit.Checkout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The compose file and the Kubernetes manifests agree with the build and the job's options. */
class DeploymentFilesTest {

    static final Path ROOT = Checkout.ROOT;
    static final Path COMPOSE = ROOT.resolve("deploy/compose/docker-compose.yml");
    static final Path FLINK_DEPLOYMENT = ROOT.resolve("deploy/k8s/flinkdeployment.yaml");
    static final Path INDEXER_DEPLOYMENT = ROOT.resolve("deploy/k8s/flinkdeployment-indexer.yaml");
    static final Path NOTIFIER_DEPLOYMENT =
            ROOT.resolve("deploy/k8s/flinkdeployment-notifier.yaml");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static String pomProperty(String name) throws IOException {
        Matcher property =
                Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</")
                        .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(property.find()).as(name + " in the parent pom").isTrue();
        return property.group(1);
    }

    static Map<String, String> env() throws IOException {
        Properties env = new Properties();
        try (var reader = Files.newBufferedReader(ROOT.resolve("deploy/compose/.env"))) {
            env.load(reader);
        }
        Map<String, String> values = new TreeMap<>();
        env.stringPropertyNames().forEach(key -> values.put(key, env.getProperty(key)));
        return values;
    }

    /** Every {@code --option} in an argument list is one the live job knows. */
    static List<String> unknownOptions(JsonNode args) {
        List<String> unknown = new ArrayList<>();
        args.forEach(
                arg -> {
                    String text = arg.asText();
                    if (text.startsWith("--")
                            && !text.equals("--job-classname")
                            && LiveJobOptions.named(text.substring(2)).isEmpty()) {
                        unknown.add(text);
                    }
                });
        return unknown;
    }

    @Test
    void shouldTakeImageVersionsFromOnePlaceMatchingThePom() throws IOException {
        Map<String, String> env = env();
        assertThat(env)
                .containsEntry("FLINK_VERSION", pomProperty("flink.version"))
                .containsEntry("KAFKA_VERSION", pomProperty("kafka.version"))
                .containsEntry("ELASTICSEARCH_VERSION", pomProperty("elasticsearch.version"))
                .containsEntry("SLAWATCH_VERSION", pomProperty("version"))
                .containsKey("GRAFANA_VERSION");
        JsonNode compose = YAML.readTree(COMPOSE.toFile());
        compose.get("services")
                .forEach(
                        service ->
                                assertThat(service.get("image").asText())
                                        .as("image tags come from .env")
                                        .matches("[^:]+:\\$\\{[A-Z_]+_VERSION\\}(-java17)?"));
        assertThat(Files.readString(ROOT.resolve("deploy/k8s/Dockerfile")))
                .contains("ARG FLINK_VERSION=" + pomProperty("flink.version"))
                .contains("ARG SLAWATCH_VERSION=" + pomProperty("version"));
    }

    @Test
    void shouldRunTheWholeStackWithOptionsTheJobKnows() throws IOException {
        JsonNode services = YAML.readTree(COMPOSE.toFile()).get("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactly(
                        "kafka",
                        "elasticsearch",
                        "jobmanager",
                        "taskmanager",
                        "indexer-jobmanager",
                        "indexer-taskmanager",
                        "notifier-jobmanager",
                        "notifier-taskmanager",
                        "grafana");
        assertThat(unknownOptions(services.at("/jobmanager/command"))).isEmpty();
        assertThat(unknownOptions(services.at("/indexer-jobmanager/command"))).isEmpty();
        assertThat(services.at("/jobmanager/command").toString())
                .as("detection writes only to Kafka")
                .contains("io.slawatch.LiveJob")
                .doesNotContain("--elasticsearch");
        assertThat(services.at("/indexer-jobmanager/command").toString())
                .contains("io.slawatch.IndexerJob", "--elasticsearch");
        assertThat(unknownOptions(services.at("/notifier-jobmanager/command"))).isEmpty();
        assertThat(services.at("/notifier-jobmanager/command").toString())
                .contains("io.slawatch.NotifierJob", "--notify");
        assertThat(services.at("/grafana/volumes").toString())
                .contains("../../dashboards/provisioning:/etc/grafana/provisioning")
                .contains("../../dashboards:/etc/slawatch/dashboards");

        JsonNode deployment = YAML.readTree(FLINK_DEPLOYMENT.toFile());
        assertThat(deployment.get("kind").asText()).isEqualTo("FlinkDeployment");
        assertThat(deployment.at("/spec/job/upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(deployment.at("/spec/job/entryClass").asText()).isEqualTo("io.slawatch.LiveJob");
        assertThat(unknownOptions(deployment.at("/spec/job/args"))).isEmpty();
        assertThat(deployment.at("/spec/job/args").toString())
                .as("what the cluster's flinkConfiguration sets is not repeated as an option")
                .doesNotContain("--state-backend", "--checkpoint-dir", "--checkpoint-interval");
        assertThat(services.at("/jobmanager/command").toString())
                .as("compose's FLINK_PROPERTIES hold the cluster's settings")
                .doesNotContain("--checkpoint-dir", "--parallelism", "--checkpoint-interval");
        assertThat(deployment.at("/spec/flinkConfiguration/high-availability.type").asText())
                .isEqualTo("kubernetes");
        assertThat(deployment.at("/spec/job/args").toString())
                .as("detection writes only to Kafka")
                .doesNotContain("--elasticsearch");

        JsonNode indexer = YAML.readTree(INDEXER_DEPLOYMENT.toFile());
        assertThat(indexer.at("/spec/image")).isEqualTo(deployment.at("/spec/image"));
        assertThat(indexer.at("/spec/job/jarURI")).isEqualTo(deployment.at("/spec/job/jarURI"));
        assertThat(indexer.at("/spec/job/entryClass").asText()).isEqualTo("io.slawatch.IndexerJob");
        assertThat(indexer.at("/spec/job/upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(unknownOptions(indexer.at("/spec/job/args"))).isEmpty();
        assertThat(indexer.at("/spec/job/args").toString()).contains("--elasticsearch");
        assertThat(indexer.toString())
                .as("credentials come from Secrets")
                .contains("secretKeyRef")
                .doesNotContainIgnoringCase("password=");
        JsonNode notifier = YAML.readTree(NOTIFIER_DEPLOYMENT.toFile());
        assertThat(notifier.at("/spec/image")).isEqualTo(deployment.at("/spec/image"));
        assertThat(notifier.at("/spec/job/entryClass").asText())
                .isEqualTo("io.slawatch.NotifierJob");
        assertThat(notifier.at("/spec/job/upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(unknownOptions(notifier.at("/spec/job/args"))).isEmpty();
        assertThat(notifier.at("/spec/job/args").toString()).contains("--notify");
        assertThat(deployment.toString())
                .as("credentials come from Secrets")
                .contains("secretName")
                .doesNotContainIgnoringCase("password=");
    }

    @Test
    void shouldBeAValidComposeFileWhereTheDockerCliCanSayIt() throws Exception {
        assumeTrue(composeAvailable(), "no `docker compose` on this machine");
        Process config =
                new ProcessBuilder(
                                "docker", "compose", "-f", COMPOSE.toString(), "config", "--quiet")
                        .redirectErrorStream(true)
                        .start();
        config.getOutputStream().close();
        String output = new String(config.getInputStream().readAllBytes());
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(config.exitValue()).as(output).isZero();
    }

    static boolean composeAvailable() {
        try {
            Process version = new ProcessBuilder("docker", "compose", "version").start();
            return version.waitFor(20, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
