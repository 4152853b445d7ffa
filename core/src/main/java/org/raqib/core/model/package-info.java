/**
 * The records that travel on Raqib's topics. Their JSON field names are contracts: other services and
 * analysts' tools read them, so rename nothing without a migration.
 */
package org.raqib.core.model;
