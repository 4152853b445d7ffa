package org.raqib.streams.entities;

import java.util.List;

/**
 * One way of writing an entity's name, as folded tokens.
 *
 * @param entity the entity it names
 * @param tokens the folded tokens, at least one
 * @param kind how it was written in the gazetteer
 * @param guarded whether the alias is ambiguous and counts only when the entity's context rule accepts it
 * @param needsArticle whether this index entry is the article-less stem of an alias written with ال, so it matches
 *     only words that carried the article (النيجر matches والنيجر and للنيجر, not a bare نيجر)
 * @param implied further entity ids the alias names too (حكومة حماد names Osama Hammad as well)
 */
public record Alias(Entity entity, List<String> tokens, Kind kind, boolean guarded, boolean needsArticle,
        List<String> implied) {

    public Alias {
        tokens = List.copyOf(tokens);
        implied = List.copyOf(implied);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("an alias needs at least one token");
        }
    }

    /** How an alias was written in the gazetteer. */
    public enum Kind {
        /** A name or a spelling of it. */
        NAME,
        /** An inflection of a gentilic adjective (ليبي، ليبية، ليبيين، ليبيون). */
        GENTILIC
    }
}
