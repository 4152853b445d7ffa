package org.raqib.streams.rules;

import java.util.List;
import java.util.Objects;

/**
 * A parsed rule query: the tree {@link QueryParser} builds and {@link CompiledRules} compiles. Every node keeps the
 * text the analyst wrote ({@link #written()}) so that a hit can report the terms that made it match in the rule's own
 * words.
 */
public sealed interface Query {

    /** The node as the analyst wrote it, for hit terms and messages. */
    String written();

    /** Where a word or phrase must occur. */
    enum Scope {
        /** Title or body. */
        ANY,
        /** The title only. */
        TITLE,
        /** The body only (the summary when the article has no body). */
        BODY
    }

    /** How a word's endings may vary. */
    enum Ending {
        /** Only the word itself (after clitics and the article are stripped). */
        EXACT,
        /** The word or the word with a plural, feminine or gentilic ending ({@code word~}). */
        INFLECTED,
        /** Any word that starts with it ({@code word*}). */
        PREFIX
    }

    /**
     * One word of a keyword or phrase, as written.
     *
     * @param text the word as written (not yet folded)
     * @param ending how its ending may vary
     */
    record Word(String text, Ending ending) {
        public Word {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(ending, "ending");
        }
    }

    /**
     * A keyword ({@code تهريب}) or a quoted phrase ({@code "خط أنابيب"}): its words in consecutive positions.
     *
     * @param words the words, at least one
     * @param scope where it must occur
     * @param written the keyword or phrase as written
     */
    record Terms(List<Word> words, Scope scope, String written) implements Query {
        public Terms {
            words = List.copyOf(words);
            if (words.isEmpty()) {
                throw new IllegalArgumentException("a keyword or phrase needs at least one word");
            }
        }
    }

    /**
     * Two keywords, phrases or entity conditions (or OR-groups of them) at most {@code distance} words apart, in
     * either order ({@code a NEAR/10 b}, {@code تهريب NEAR/10 entity:NE}, {@code تهريب NEAR/10 (وقود OR ذهب)}). An entity condition stands for every mention of the entities it
     * selects; its least count does not apply here.
     *
     * @param left first keyword, phrase ({@link Terms}) or {@link Entity} condition
     * @param right second keyword, phrase or entity condition
     * @param distance the most words allowed between them
     * @param written as written
     */
    record Near(Query left, Query right, int distance, String written) implements Query {
        public Near {
            if (!locatable(left) || !locatable(right)) {
                throw new IllegalArgumentException("NEAR joins keywords, phrases, entity conditions or OR-groups of them");
            }
        }

        /** Whether {@code q} has word positions: a keyword, phrase, entity condition or an OR of them. */
        public static boolean locatable(Query q) {
            return q instanceof Terms || q instanceof Entity
                    || (q instanceof Any any && any.parts().stream().allMatch(Near::locatable));
        }
    }

    /** Every part must match ({@code a AND b}, or {@code a b}). */
    record All(List<Query> parts, String written) implements Query {
        public All {
            parts = List.copyOf(parts);
        }
    }

    /** At least one part must match ({@code a OR b}). */
    record Any(List<Query> parts, String written) implements Query {
        public Any {
            parts = List.copyOf(parts);
        }
    }

    /** The part must not match ({@code NOT a}). */
    record Not(Query part, String written) implements Query {}

    /** What an entity condition looks at. */
    enum EntityField {
        /** An entity id from {@code entities.tsv} ({@code entity:LY}). */
        ID,
        /** An entity side: libya, sahel, russia, external ({@code side:sahel}). */
        SIDE,
        /** An entity type: country, city, region, place, org, person ({@code type:person}). */
        TYPE
    }

    /**
     * An entity condition. For {@link EntityField#ID} {@code min} counts mentions of that entity; for sides and types it
     * counts distinct recognised entities with that side or type.
     *
     * @param field what is compared
     * @param value the id (upper case), side or type (lower case)
     * @param min the least count that satisfies the condition, 1 unless {@code >=N} was written
     * @param written as written
     */
    record Entity(EntityField field, String value, int min, String written) implements Query {}

    /** The article's source ({@code source:aljazeera}), compared case-insensitively. */
    record Source(String value, String written) implements Query {}

    /** The article's language ({@code lang:ar}); {@code ar} also matches {@code ar-SA} and the like. */
    record Lang(String value, String written) implements Query {}
}
