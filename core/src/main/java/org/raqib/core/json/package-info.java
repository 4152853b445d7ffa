/** JSON, the one wire format of Raqib's topics and API: a configured mapper and Kafka serdes built on it. */
package org.raqib.core.json;
