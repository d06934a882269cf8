package io.slawatch.cli;

import io.slawatch.JobOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How a command reaches Elasticsearch: the same options for {@code run} and {@code es init}.
 * Secrets are read from files or the environment, never taken on the command line.
 */
final class ElasticsearchConnection {

    @Option(
            names = "--elasticsearch",
            split = ",",
            paramLabel = "URL",
            description =
                    "Elasticsearch URL(s); `run` also writes alerts, outcomes, clock views and"
                            + " statistics there and installs the index templates when absent.")
    List<String> urls = List.of();

    @Option(
            names = "--elasticsearch-api-key-file",
            paramLabel = "FILE",
            description = "Elasticsearch API key, on the file's first line.")
    Path apiKeyFile;

    @Option(
            names = "--elasticsearch-user",
            paramLabel = "NAME",
            description =
                    "Elasticsearch user; the password comes from the environment variable "
                            + JobOptions.ELASTICSEARCH_PASSWORD_ENV
                            + ".")
    String user;

    @Option(
            names = "--elasticsearch-ca-file",
            paramLabel = "FILE",
            description = "PEM certificate of the CA that signed Elasticsearch's TLS certificate.")
    Path caFile;

    @Option(
            names = "--elasticsearch-timeout",
            paramLabel = "DURATION",
            description =
                    "Longest an Elasticsearch request may take before it is retried. Default:"
                            + " ${DEFAULT-VALUE}.")
    Duration timeout;

    /** Sets these options on {@code options}, reading the files they name. */
    void applyTo(JobOptions.Builder options) throws IOException {
        options.elasticsearchUrls = urls;
        if (apiKeyFile != null) {
            options.elasticsearchApiKey = JobOptions.readSecret(apiKeyFile);
        }
        options.elasticsearchUser = user;
        if (caFile != null) {
            options.elasticsearchCaCertificate =
                    Files.readString(caFile, StandardCharsets.US_ASCII);
        }
        if (timeout != null) {
            options.elasticsearchTimeout = timeout;
        }
    }
}
