package dev.confab.management.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A process that writes to a store from several threads for ever, printing {@code ack N} once the
 * write of row N has returned: what {@link GroupCommitDurabilityIT} kills and then checks.
 * Arguments: the database file, the number of writer threads.
 */
public final class AcknowledgingWriter {

    private AcknowledgingWriter() {
    }

    public static void main(String[] args) {
        Store store = Store.open(Path.of(args[0]));
        store.write(handle -> handle.execute("CREATE TABLE IF NOT EXISTS acknowledged (id INTEGER PRIMARY KEY)"));
        PrintStream out = System.out;
        AtomicInteger next = new AtomicInteger();
        for (int thread = 0; thread < Integer.parseInt(args[1]); thread++) {
            new Thread(() -> {
                while (true) {
                    int id = next.incrementAndGet();
                    store.write(handle -> handle.execute("INSERT INTO acknowledged (id) VALUES (?)", id));
                    synchronized (out) {
                        out.println("ack " + id);
                        out.flush();
                    }
                }
            }).start();
        }
    }
}
