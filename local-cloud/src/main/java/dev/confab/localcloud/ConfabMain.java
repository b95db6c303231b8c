package dev.confab.localcloud;

import dev.confab.installer.cli.InstallerCommand;
import dev.confab.conferencing.cli.ConferencingAgentCommand;
import dev.confab.management.cli.ManagementAgentCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code confab} launcher: one command line for every Confab process. */
@Command(name = "confab", mixinStandardHelpOptions = true, version = "Confab 0.1.0",
        description = "Confab: a self-hosted control plane for a video-conferencing platform.",
        subcommands = {DemoCommand.class, ManagementAgentCommand.class, ConferencingAgentCommand.class,
                InstallerCommand.class})
public final class ConfabMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ConfabMain()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
