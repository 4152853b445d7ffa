/**
 * Storyline entity recognition: the gazetteer (a TSV data file an analyst can extend), alias lookup over folded
 * tokens with clitic stripping, gentilics and tolerant transliteration, and the context rules that decide
 * ambiguous words such as مالي or طرابلس.
 */
package org.raqib.streams.entities;
