/** The email channel: multipart text and right-to-left HTML alert mail over SMTP with Angus Mail. */
package org.raqib.alerts.delivery.email;
