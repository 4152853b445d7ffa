/** Raqib's topics as typed, immutable descriptors, the admin step that creates or verifies them, and client settings. */
package org.raqib.core.kafka;
