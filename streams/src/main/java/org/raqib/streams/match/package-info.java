/** The offline form of recognition: JSONL articles in, JSONL entities, rule hits and storyline verdicts out. */
package org.raqib.streams.match;
