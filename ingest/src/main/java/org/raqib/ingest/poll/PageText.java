package org.raqib.ingest.poll;

import java.time.Instant;

/**
 * The main text of an article page.
 *
 * @param title page title, empty when none
 * @param body main text, paragraphs separated by a blank line
 * @param publishedAt publication time from the page, null when none
 * @param author author, empty when none
 * @param lang language from the page, empty when none
 */
public record PageText(String title, String body, Instant publishedAt, String author, String lang) {

    public PageText {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        author = author == null ? "" : author;
        lang = lang == null ? "" : lang;
    }
}
