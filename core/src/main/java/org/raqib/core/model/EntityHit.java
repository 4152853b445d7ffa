package org.raqib.core.model;

import java.util.List;

/**
 * An entity of the storyline gazetteer recognised in an article, with every mention of it.
 *
 * @param id entity id from {@code storyline/entities.tsv} (the contract), for example {@code "LY"}
 * @param label English label, for example {@code "Libya"}
 * @param side {@code libya}, {@code sahel}, {@code russia} or {@code external}
 * @param type {@code country}, {@code city}, {@code region}, {@code place}, {@code org} or {@code person}
 * @param mentions where it is named, in text order
 */
public record EntityHit(String id, String label, String side, String type, List<Mention> mentions) {

    public EntityHit {
        mentions = List.copyOf(mentions);
    }
}
