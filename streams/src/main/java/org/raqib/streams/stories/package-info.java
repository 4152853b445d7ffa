/**
 * Story clusters: near-duplicate articles (one story syndicated across outlets, or re-published with small edits)
 * share a story id. {@link org.raqib.streams.stories.StorySignature} computes a MinHash signature over word
 * shingles of the folded text; its first component is the key the topology partitions by, so candidate copies of a
 * story meet in the same partition and store.
 */
package org.raqib.streams.stories;
