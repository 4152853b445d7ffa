package org.raqib.streams.backtest;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;

/**
 * A one-line progress bar redrawn with a carriage return. Commands use it only when a terminal is attached
 * ({@code System.console() != null}), so redirected output stays clean. Redraws at most every 1% or 5,000 records.
 */
public final class TerminalProgress implements Progress {

    private static final int WIDTH = 40;

    private final PrintWriter out;
    private final String label;
    private long lastDrawn = -1;

    public TerminalProgress(PrintWriter out, String label) {
        this.out = Objects.requireNonNull(out, "out");
        this.label = Objects.requireNonNull(label, "label");
    }

    @Override
    public void update(long done, long total) {
        long step = total > 0 ? Math.max(1, total / 100) : 5_000;
        if (lastDrawn >= 0 && done - lastDrawn < step) {
            return;
        }
        lastDrawn = done;
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, done * WIDTH / total);
            out.printf(Locale.ROOT, "\r%s [%s%s] %d/%d", label, "#".repeat(filled), " ".repeat(WIDTH - filled), done, total);
        } else {
            out.printf(Locale.ROOT, "\r%s %d", label, done);
        }
        out.flush();
    }

    @Override
    public void finish() {
        if (lastDrawn >= 0) {
            out.print("\r" + " ".repeat(WIDTH + label.length() + 30) + "\r");
            out.flush();
        }
    }
}
