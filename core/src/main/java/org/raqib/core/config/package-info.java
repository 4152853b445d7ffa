/**
 * Configuration: {@code raqib.yaml} over the bundled defaults, then environment variables, then command-line
 * overrides, bound into the immutable {@link org.raqib.core.config.RaqibConfig} tree. Every key is documented in
 * {@code docs/configuration.md}.
 */
package org.raqib.core.config;
