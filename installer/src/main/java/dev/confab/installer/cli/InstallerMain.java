package dev.confab.installer.cli;

import picocli.CommandLine;

/** Runs {@code installer} on its own, without the {@code confab} launcher (tests, rescue images). */
public final class InstallerMain {

    private InstallerMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new InstallerCommand()).execute(args));
    }
}
