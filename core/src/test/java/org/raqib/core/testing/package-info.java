/** Test support shared through core's test-jar: a real in-JVM Kafka cluster for integration tests, a deadline-polling helper, every Raqib meter for scrape tests and the dashboard-metrics checker. */
package org.raqib.core.testing;
