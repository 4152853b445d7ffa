/**
 * Arabic and Latin text analysis: folding for matching, tokenisation that keeps offsets into the original text,
 * and clitic stripping. Everything here is stateless or immutable and safe to share between threads.
 */
package org.raqib.streams.text;
