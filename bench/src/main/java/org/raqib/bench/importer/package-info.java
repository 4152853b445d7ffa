/** {@code raqib bench import}: historical articles into {@code raqib.articles} through {@code ArticleImporter}. */
package org.raqib.bench.importer;
