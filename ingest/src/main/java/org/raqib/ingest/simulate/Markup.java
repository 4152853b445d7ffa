package org.raqib.ingest.simulate;

import java.util.ArrayList;
import java.util.List;

/** Text to XML/HTML: escaping, and splitting article text into paragraphs. */
final class Markup {

    private Markup() {}

    /** The text's paragraphs: its lines, or groups of about three sentences when it has no line breaks. */
    static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String clean = line.replaceAll("[\\s\\p{Z}]+", " ").strip();
            if (!clean.isEmpty()) {
                paragraphs.add(clean);
            }
        }
        if (paragraphs.size() > 1) {
            return paragraphs;
        }
        List<String> grouped = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int sentences = 0;
        String flat = text.replaceAll("[\\s\\p{Z}]+", " ").strip();
        if (flat.isEmpty()) {
            return grouped;
        }
        for (String sentence : flat.split("(?<=[.!؟?]) ")) {
            current.append(current.length() == 0 ? "" : " ").append(sentence);
            if (++sentences == 3) {
                grouped.add(current.toString());
                current.setLength(0);
                sentences = 0;
            }
        }
        if (current.length() > 0) {
            grouped.add(current.toString());
        }
        return grouped;
    }

    /** The first sentence or so of {@code text}, at most {@code limit} characters, as a feed summary. */
    static String summary(String text, int limit) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= limit) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', limit);
        return flat.substring(0, cut > limit / 2 ? cut : limit) + "…";
    }
}
