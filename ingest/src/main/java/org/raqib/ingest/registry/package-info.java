/**
 * The feed registry: feed definitions read from YAML files, validated, and kept in the compacted {@code raqib.feeds}
 * topic that ingest workers share as a consumer group.
 */
package org.raqib.ingest.registry;
