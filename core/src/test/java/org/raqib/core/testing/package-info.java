/** Test support shared through core's test-jar: a real in-JVM Kafka cluster for integration tests and a deadline-polling helper. */
package org.raqib.core.testing;
