/** Whether an article belongs to the monitored storyline, decided from the entities it names. */
package org.raqib.streams.storyline;
