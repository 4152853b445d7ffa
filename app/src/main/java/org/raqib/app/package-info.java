/**
 * The composition root: the {@code raqib} command line, the connection to the cluster (or the embedded broker), and
 * the wiring of every service. No business logic lives here.
 */
package org.raqib.app;
