/** What {@code raqib demo} brings along so it runs offline: the demo subscriber's webhook receiver and mail server. */
package org.raqib.app.demo;
