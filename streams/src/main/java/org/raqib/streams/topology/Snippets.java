package org.raqib.streams.topology;

import java.util.Optional;
import org.raqib.core.model.Article;
import org.raqib.core.model.Mention;

/** Short extracts of an article for alerts: the words around its strongest mention, cut at word boundaries. */
final class Snippets {

    /** Characters of context on each side of the mention. */
    static final int CONTEXT = 90;

    private Snippets() {}

    static String around(Article article, Optional<Mention> mention) {
        String text = article.text();
        if (mention.isEmpty() || !mention.get().field().equals("body") || mention.get().end() > text.length()) {
            return cut(text, 0, Math.min(text.length(), 2 * CONTEXT));
        }
        Mention m = mention.get();
        return cut(text, Math.max(0, m.start() - CONTEXT), Math.min(text.length(), m.end() + CONTEXT));
    }

    private static String cut(String text, int from, int to) {
        int start = from;
        while (start > 0 && start < text.length() && !Character.isWhitespace(text.charAt(start - 1))) {
            start++;
        }
        int end = to;
        while (end < text.length() && end > start && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        if (end <= start) {
            end = to;
        }
        String core = text.substring(Math.min(start, end), end).strip().replaceAll("\\s+", " ");
        return (start > 0 ? "… " : "") + core + (end < text.length() ? " …" : "");
    }
}
