/** The {@code raqib} subcommands, one class each; each parses options and delegates to the modules. */
package org.raqib.app.cli;
