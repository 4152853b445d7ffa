/**
 * The analysts' rule language and its engine. {@link org.raqib.streams.rules.QueryParser} turns a rule's query into a
 * {@link org.raqib.streams.rules.Query} tree, reporting mistakes as {@link org.raqib.streams.rules.RuleSyntaxException}
 * with a line and column; {@link org.raqib.streams.rules.CompiledRules} compiles many rules into one immutable matcher
 * with a shared term index, so only rules whose required words or entities occur in an article are evaluated;
 * {@link org.raqib.streams.rules.RuleBook} keeps the live rules for the topology; {@link
 * org.raqib.streams.rules.RuleFiles} and {@link org.raqib.streams.rules.DefaultRules} read rule YAML. The language is
 * documented in {@code docs/rules.md}.
 */
package org.raqib.streams.rules;
