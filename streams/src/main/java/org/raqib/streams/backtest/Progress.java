package org.raqib.streams.backtest;

/** Receives progress of a long run: how many records are done, and the total when it is known. */
public interface Progress {

    /** Progress that shows nothing. */
    Progress NONE = (done, total) -> { };

    /** {@code done} records so far of {@code total}, which is 0 when unknown. */
    void update(long done, long total);

    /** Called once at the end. */
    default void finish() {
    }
}
