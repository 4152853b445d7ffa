package org.raqib.ingest.simulate;

/** How one simulated outlet serves its feed. */
public enum FeedFormat {
    /** RSS 2.0 in UTF-8 with full text in {@code content:encoded}. */
    RSS,
    /** Atom 1.0 in UTF-8 with full text in {@code content}. */
    ATOM,
    /** RSS 2.0 encoded in windows-1256, as older Arabic sites still serve it. */
    RSS_WINDOWS_1256,
    /** RSS 2.0 whose items carry a short summary only; the text is on the article page. */
    RSS_SUMMARY_ONLY
}
