/**
 * Guarded HTTP fetching of feeds and article pages: SSRF checks on every hop and every resolved address,
 * conditional GET, capped decompression, timeouts, per-host politeness and the poll schedule (backoff, Retry-After,
 * adaptive interval).
 */
package org.raqib.ingest.fetch;
