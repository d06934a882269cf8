package io.slawatch.cli;

import io.slawatch.JobOptions;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The live job's defaults come from {@link JobOptions}, the one place they are defined. */
final class JobOptionsDefaults implements IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec option) {
            return JobOptions.defaults().get(option.longestName().substring(2));
        }
        return null;
    }
}
