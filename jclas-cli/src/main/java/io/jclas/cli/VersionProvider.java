package io.jclas.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "dev" when running from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"jclas " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
}
