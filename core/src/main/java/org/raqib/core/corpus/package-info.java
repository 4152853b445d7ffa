/** Reading archives of articles (SaudiNewsNet zips, JSON arrays, JSONL) for imports, backtests, benchmarks and the demo. */
package org.raqib.core.corpus;
