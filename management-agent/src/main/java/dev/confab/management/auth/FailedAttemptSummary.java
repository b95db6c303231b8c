package dev.confab.management.auth;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.adminlog.AdminLog;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.store.AdminLogEntry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Sums failed attempts of one kind (logins, enrolments) into one administrator-log line per source
 * address per minute, e.g. "12 failed logins for admin, root from 10.0.0.5 in the last minute", so
 * that nobody can flood the log. A source's minute starts at its first failure; its line is written
 * when the minute is over, by {@link #flushDue()} (run every second) or by the source's next failure.
 * The line keeps the first failure's reason and object. Memory is bounded: past
 * {@link #MAX_SOURCES} sources in one minute, further ones share one line. Thread-safe; lines are
 * written outside the lock.
 */
public final class FailedAttemptSummary {

    /** How long one line sums up. */
    public static final Duration WINDOW = Duration.ofMinutes(1);
    /** Sources summed one by one; more in the same minute share a line. */
    public static final int MAX_SOURCES = 10_000;

    private static final int MAX_NAMES = 5;
    private static final int MAX_NAME_LENGTH = 64;
    private static final String MANY_SOURCES = "many addresses";

    /**
     * How the lines of one kind read and file.
     *
     * @param action   the administrator log's action, e.g. {@link AdminLog.Action#LOGIN_FAILED}
     * @param resource the resource the attempts were for
     * @param one      what one attempt is called, e.g. "failed login"
     * @param many     what several are called, e.g. "failed logins"
     * @param userIsName whether the line's user is the names the attempts claimed (logins) or "-" (nodes)
     */
    public record Kind(AdminLog.Action action, String resource, String one, String many, boolean userIsName) {

        public static final Kind LOGIN = new Kind(AdminLog.Action.LOGIN_FAILED, "admin_account", "failed login",
                "failed logins", true);
        public static final Kind ENROLMENT = new Kind(AdminLog.Action.ENROL_REFUSED, ResourceNames.WORKER_VM,
                "refused enrolment", "refused enrolments", false);
    }

    /** One source's failures within its minute. */
    private static final class Window {
        final Instant start;
        final Set<String> names = new LinkedHashSet<>();
        int count;
        int unchecked;
        int moreNames;
        Long firstObjectId;
        String firstReason;

        Window(Instant start) {
            this.start = start;
        }
    }

    private final Kind kind;
    private final Clock clock;
    private final Consumer<AdminLogEntry> log;
    private final Map<String, Window> bySource = new LinkedHashMap<>();

    /** Lines go to {@code log}. */
    public FailedAttemptSummary(Kind kind, Clock clock, Consumer<AdminLogEntry> log) {
        this.kind = kind;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Counts one failure from {@code source}.
     *
     * @param name      what it claimed to be (user name, node name), or "-" for nothing
     * @param objectId  the object it was for, when known
     * @param reason    why it failed, kept for the first failure of the minute; null for none
     * @param unchecked whether it was refused without a check (too many attempts)
     */
    public void record(String source, String name, Long objectId, String reason, boolean unchecked) {
        Instant now = clock.instant();
        AdminLogEntry due = null;
        synchronized (this) {
            String key = bySource.containsKey(source) || bySource.size() < MAX_SOURCES ? source : MANY_SOURCES;
            Window window = bySource.get(key);
            if (window != null && isOver(window, now)) {
                bySource.remove(key);
                due = line(key, window, now);
                window = null;
            }
            if (window == null) {
                window = new Window(now);
                window.firstObjectId = objectId;
                window.firstReason = reason;
                bySource.put(key, window);
            }
            window.count++;
            if (unchecked) {
                window.unchecked++;
            }
            addName(window, name);
        }
        if (due != null) {
            log.accept(due);
        }
    }

    /** Writes the line of every source whose minute is over. */
    public void flushDue() {
        flush(false);
    }

    /** Writes every line now, whether its minute is over or not (at shutdown). */
    public void flushAll() {
        flush(true);
    }

    private void flush(boolean all) {
        Instant now = clock.instant();
        List<AdminLogEntry> due = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Map.Entry<String, Window>> it = bySource.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Window> entry = it.next();
                if (all || isOver(entry.getValue(), now)) {
                    due.add(line(entry.getKey(), entry.getValue(), now));
                    it.remove();
                }
            }
        }
        due.forEach(log);
    }

    /** Whether the window's minute has passed; a clock set back before its start ends it too. */
    private static boolean isOver(Window window, Instant now) {
        return !now.isBefore(window.start.plus(WINDOW)) || now.isBefore(window.start);
    }

    private static void addName(Window window, String name) {
        String shown = name == null || name.isEmpty() ? "-" : name.length() > MAX_NAME_LENGTH
                ? name.substring(0, MAX_NAME_LENGTH) + "…" : name;
        if (window.names.contains(shown)) {
            return;
        }
        if (window.names.size() < MAX_NAMES) {
            window.names.add(shown);
        } else {
            window.moreNames++;
        }
    }

    /** The line of a source's minute, dated at its end (or at {@code now} when written early). */
    private AdminLogEntry line(String source, Window window, Instant now) {
        Instant end = window.start.plus(WINDOW);
        List<String> named = window.names.stream().filter(name -> !name.equals("-")).toList();
        String names = String.join(", ", named) + (window.moreNames > 0 ? " and " + window.moreNames + " more" : "");
        StringBuilder text = new StringBuilder().append(window.count).append(' ')
                .append(window.count == 1 ? kind.one() : kind.many());
        if (!names.isEmpty()) {
            text.append(" for ").append(names);
        }
        text.append(" from ").append(source).append(" in the last minute");
        if (window.unchecked > 0) {
            text.append(" (").append(window.unchecked).append(" refused unchecked: too many attempts)");
        }
        if (window.firstReason != null) {
            text.append("; the first: ").append(window.firstReason);
        }
        boolean oneName = window.names.size() == 1 && window.moreNames == 0;
        String objectName = names.isEmpty() ? "-" : names;
        String user = kind.userIsName() ? objectName : "-";
        return AdminLog.of(kind.action(), end.isBefore(now) ? end : now).by(new Actor(user, source))
                .about(kind.resource(), oneName ? window.firstObjectId : null, objectName)
                .details(text.toString()).entry();
    }
}
