package org.raqib.ingest.extract;

import java.time.Instant;

/**
 * What a page says, without its boilerplate.
 *
 * @param title the article's headline, empty when none
 * @param body main text, paragraphs separated by a blank line, empty when none was found
 * @param published publication time, null when the page gives none readable
 * @param author author, empty when none
 * @param lang the page's language tag, empty when not declared
 */
public record ExtractedPage(String title, String body, Instant published, String author, String lang) {}
