package org.raqib.core.testing;

import java.time.Duration;

/**
 * Waits for an asynchronous outcome with a generous deadline, retrying an assertion until it passes. Tests assert
 * the outcome, never how long it took.
 */
public final class Eventually {

    /** The default deadline: generous, because CI machines are slow and shared. */
    public static final Duration DEFAULT = Duration.ofSeconds(60);

    private Eventually() {}

    /** Retries {@code assertion} every 100 ms until it passes or {@link #DEFAULT} has passed; then rethrows its failure. */
    public static void assertThatEventually(ThrowingRunnable assertion) {
        assertThatEventually(DEFAULT, assertion);
    }

    /** Retries {@code assertion} every 100 ms until it passes or {@code deadline} has passed; then rethrows its failure. */
    public static void assertThatEventually(Duration deadline, ThrowingRunnable assertion) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError | Exception e) {
                if (System.nanoTime() > end) {
                    if (e instanceof AssertionError error) {
                        throw error;
                    }
                    throw new AssertionError("still failing after " + deadline + ": " + e, e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }

    /** An assertion that may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
