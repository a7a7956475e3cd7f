package io.pra.cli.drill;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** The drill's terminal: one readable line per meaningful event, stamped with the time since the drill began. */
final class Progress {

    private final PrintStream out;
    private final Instant started = Instant.now();

    Progress(PrintStream out) {
        this.out = out;
    }

    Instant started() {
        return started;
    }

    synchronized void line(String text) {
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        out.printf("[%6.1fs] %s%n", seconds, text);
        out.flush();
    }

    synchronized void plain(String text) {
        out.println(text);
        out.flush();
    }
}
