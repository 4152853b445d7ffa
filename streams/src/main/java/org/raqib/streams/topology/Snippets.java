package org.raqib.streams.topology;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Mention;

/** Short extracts of an article for alerts: the words around its strongest mention, cut at word boundaries. */
final class Snippets {

    /** Characters of context on each side of the mention. */
    static final int CONTEXT = 90;

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Snippets() {}

    /** The words around the strongest of {@code entities}' mentions (a title mention wins a tie), or the text's start. */
    static String around(Article article, List<EntityHit> entities) {
        return around(article, entities.stream()
                .flatMap(e -> e.mentions().stream())
                .max(Comparator.comparingDouble(Mention::confidence)
                        .thenComparing(m -> m.field().equals("title") ? 0 : 1)));
    }

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
        String core = SPACES.matcher(text.substring(Math.min(start, end), end).strip()).replaceAll(" ");
        return (start > 0 ? "… " : "") + core + (end < text.length() ? " …" : "");
    }
}
