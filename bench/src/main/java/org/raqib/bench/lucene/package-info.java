/** The baseline Raqib's recogniser is measured against: Lucene's stock ArabicAnalyzer with a phrase query per alias. */
package org.raqib.bench.lucene;
