package org.raqib.streams.entities;

/**
 * An entity of the storyline gazetteer.
 *
 * @param id the contract id from {@code storyline/entities.tsv}, for example {@code LY}
 * @param type {@code country}, {@code city}, {@code region}, {@code place}, {@code org}, {@code person}, or
 *     {@code stop} for phrases that name nothing but hide the entities inside them (نهر النيجر)
 * @param side {@code libya}, {@code sahel}, {@code russia}, {@code external}, or {@code none} for stop phrases
 * @param labelEn English label
 * @param labelAr Arabic label
 */
public record Entity(String id, String type, String side, String labelEn, String labelAr) {

    /** Whether this entry is a stop phrase rather than an entity. */
    public boolean stop() {
        return type.equals("stop");
    }
}
