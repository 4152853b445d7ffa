/**
 * HTTP routes the composition root adds to the alerts server because they join modules: the rules API
 * (streams' rule language behind the alerts server's tokens), pipeline queries, and {@code /metrics}.
 */
package org.raqib.app.http;
