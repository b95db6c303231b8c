package dev.confab.localcloud;

import dev.confab.localcloud.ec2.InstanceFile;
import dev.confab.localcloud.ec2.InstanceMachine;

import java.util.ArrayList;
import java.util.List;

/**
 * An instance of the EC2-compatible endpoint that runs an already-provisioned Conferencing Node as a
 * supervised child process: powered on, {@code confab conferencing-agent} starts with the node's data
 * directory, system root and address (and any further options it was given); powered off, it is stopped
 * (SIGTERM, then SIGKILL after 10 s).
 * Called by the endpoint's one power thread.
 */
public final class NodeProcessMachine implements InstanceMachine {

    private final ChildProcesses children;
    private final InstanceFile.NodeProcess node;
    private final List<String> options;
    private ChildProcesses.Supervised running;

    public NodeProcessMachine(ChildProcesses children, InstanceFile.NodeProcess node) {
        this(children, node, List.of());
    }

    /** A machine whose agent also takes {@code options}, such as {@code --instance-type c5.large}. */
    public NodeProcessMachine(ChildProcesses children, InstanceFile.NodeProcess node, List<String> options) {
        this.children = children;
        this.node = node;
        this.options = List.copyOf(options);
    }

    @Override
    public synchronized void powerOn() throws Exception {
        if (running != null) {
            return;
        }
        List<String> arguments = new ArrayList<>(List.of("conferencing-agent", "--data", node.data().toString(),
                "--system-root", node.systemRoot().toString(), "--bind", node.bind()));
        arguments.addAll(options);
        running = children.startSupervised(arguments, node.log());
    }

    @Override
    public synchronized void powerOff() {
        if (running == null) {
            return;
        }
        children.stop(running);
        running = null;
    }
}
