package dev.confab.launcher;

import dev.confab.conferencing.cli.ConferencingAgentCommand;
import dev.confab.installer.cli.InstallerCommand;
import dev.confab.management.cli.AwsCheckCommand;
import dev.confab.management.cli.AwsTemplateCommand;
import dev.confab.management.cli.ManagementAgentCommand;
import dev.confab.management.cli.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.ServiceLoader;

/**
 * The {@code confab} launcher: one command line for every Confab process. It dispatches to the
 * commands of the agents and the installer, and to those that modules on the class path provide
 * ({@link ConfabCommandProvider}).
 */
@Command(name = "confab", mixinStandardHelpOptions = true, version = "Confab 0.1.0",
        description = "Confab: a self-hosted control plane for a video-conferencing platform.")
public final class ConfabMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        LogFormat.installFields();
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with every command: those the class path provides first (as {@code confab demo}
     * always came first in the list), then the agents, the installer and the AWS commands.
     */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new ConfabMain());
        for (ConfabCommandProvider provider : ServiceLoader.load(ConfabCommandProvider.class)) {
            line.addSubcommand(provider.command());
        }
        line.addSubcommand(new ManagementAgentCommand());
        line.addSubcommand(new ConferencingAgentCommand());
        line.addSubcommand(new InstallerCommand());
        line.addSubcommand(new AwsTemplateCommand());
        line.addSubcommand(new AwsCheckCommand());
        line.addSubcommand(new SimulateCommand());
        line.getSubcommands().values().forEach(command -> command.addMixin("logFormat", new LogFormatOption()));
        return line;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
