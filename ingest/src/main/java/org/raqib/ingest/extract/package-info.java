/**
 * Main-text extraction from article pages with jsoup: the title, body paragraphs, publication time, author and
 * language, from JSON-LD, OpenGraph/meta and the DOM, with navigation, related-news boxes (also inline «أخبار ذات
 * علاقة» / «اقرأ أيضاً» blocks), captions, share widgets, comments and footers left out.
 */
package org.raqib.ingest.extract;
