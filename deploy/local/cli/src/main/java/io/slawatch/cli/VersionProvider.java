package io.slawatch.cli;

import picocli.CommandLine.IVersionProvider;

/** The version of the built jar, from its manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = SlawatchCli.class.getPackage().getImplementationVersion();
        return new String[] {"slawatch " + (version == null ? "(development build)" : version)};
    }
}
