package io.slawatch.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.slawatch.JobOptions;
import io.slawatch.sink.ElasticsearchClients;
import io.slawatch.sink.ElasticsearchIndices;
import io.slawatch.sink.ElasticsearchOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slawatch es init}: installs the index templates that are absent or older. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        modelTransformer = JobOptionSpecs.Elasticsearch.class,
        description = {
            "Install slawatch's index templates (deploy/elasticsearch/) where they are absent or"
                    + " older than this version's (their `version`), adding an upgraded template's"
                    + " new fields to its index; templates as new are left as they are. The jobs do"
                    + " the same when they start."
        })
final class EsInitCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ElasticsearchOptions options;
        try {
            options =
                    JobOptions.elasticsearchOnly(
                            JobOptionSpecs.given(spec.commandLine().getParseResult()));
        } catch (IllegalArgumentException e) {
            err.println("slawatch es init: " + e.getMessage());
            err.flush();
            return 1;
        }
        ElasticsearchClient client = ElasticsearchClients.create(options);
        try {
            List<String> installed = ElasticsearchIndices.installTemplates(client);
            for (String template : ElasticsearchIndices.TEMPLATES) {
                out.println(
                        (installed.contains(template) ? "installed " : "present   ")
                                + "index template "
                                + template);
            }
            return 0;
        } catch (IOException e) {
            err.println(
                    "slawatch es init: cannot reach Elasticsearch at "
                            + options.urls()
                            + ": "
                            + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
            client._transport().close();
        }
    }
}
