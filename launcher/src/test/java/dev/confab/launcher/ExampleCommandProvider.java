package dev.confab.launcher;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** A provider as a module on the class path registers one, in this module's test resources. */
public final class ExampleCommandProvider implements ConfabCommandProvider {

    static final String NAME = "example";
    static final int EXIT_CODE = 42;

    @Override
    public Object command() {
        return new Example();
    }

    @Command(name = NAME, description = "A command a module on the class path provides.")
    static final class Example implements Callable<Integer> {
        @Override
        public Integer call() {
            return EXIT_CODE;
        }
    }
}
