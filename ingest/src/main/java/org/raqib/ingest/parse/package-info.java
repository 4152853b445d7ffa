/**
 * Feed parsing: RSS 0.9x/1.0/2.0, RDF and Atom 0.3/1.0 through Rome, behind {@link org.raqib.ingest.parse.SafeXml},
 * the only place an XML parser is built. Charsets are resolved from the bytes, ill-formed feeds are recovered where
 * their items are still readable, and entries come out cleaned, with absolute canonical links, in document order.
 */
package org.raqib.ingest.parse;
