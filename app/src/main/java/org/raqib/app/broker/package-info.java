/** The embedded single-node KRaft broker that {@code raqib run} and {@code raqib demo} start when no external cluster is configured. */
package org.raqib.app.broker;
