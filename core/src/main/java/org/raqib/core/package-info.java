/** Raqib's shared vocabulary: the records on its topics, their JSON form, the topics themselves, configuration and metrics setup. */
package org.raqib.core;
