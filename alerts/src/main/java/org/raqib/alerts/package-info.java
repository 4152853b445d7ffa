/** Raqib alerts. */
package org.raqib.alerts;
