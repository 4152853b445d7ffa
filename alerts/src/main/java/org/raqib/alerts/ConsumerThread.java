package org.raqib.alerts;

import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka consumer polled on its own daemon thread until closed: the start, wake-up, join and close that every
 * consuming part of the alerts service needs, in one place. The body loops while {@link #running()}; closing wakes
 * the consumer out of {@code poll()}, waits for the thread, and the consumer is closed on that thread. A failure the
 * body did not expect is logged with {@code failure} (unless the thread is closing) and ends the thread: what it
 * had not committed is read again at the next start.
 */
public final class ConsumerThread implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsumerThread.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** The polling loop; it may throw, and returns when {@link #running()} turns false. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private final Consumer<?, ?> consumer;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param name the thread's name
     * @param consumer the consumer the body polls; owned and closed here
     * @param body the polling loop
     * @param failure what to log when the body fails, saying what happens to the records it had
     */
    public ConsumerThread(String name, Consumer<?, ?> consumer, Body body, String failure) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(body, "body");
        this.thread = new Thread(() -> run(body, failure), name);
        this.thread.setDaemon(true);
    }

    /** Starts the thread, unless already closed. */
    public synchronized void start() {
        if (!closed) {
            thread.start();
        }
    }

    /** Whether the body should keep polling. */
    public boolean running() {
        return !closed;
    }

    private void run(Body body, String failure) {
        try {
            body.run();
        } catch (WakeupException e) {
            // close() woke the consumer: the normal way out of poll().
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!closed) {
                log.error(failure, e);
            }
        } finally {
            consumer.close(CLOSE_TIMEOUT);
        }
    }

    /** Stops polling and waits (up to ten seconds) for the thread, which closes the consumer. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        consumer.wakeup();
        if (thread.getState() == Thread.State.NEW) {
            consumer.close(CLOSE_TIMEOUT);
        } else {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
