package org.raqib.ingest.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What an element's class or id says it holds: the article ({@link #KEEP}), a comment thread ({@link #COMMENTS}),
 * other boilerplate ({@link #BOILERPLATE}), or nothing known (0). A name is read for words anywhere in it, letters
 * compared without regard to ASCII case: {@code article-body}, {@code postBody}; {@code comments}, {@code disqus};
 * {@code share-bar}, {@code related-posts}, {@code most-read}, …
 *
 * <p>It reads a name the way the regular expressions it replaced did (their text is in {@code ContainerNamesTest},
 * which checks the two agree) in one pass of plain character tests: java.util.regex tried its dozens of alternatives
 * at every position of every name, a tenth of the extraction's time. Thread-safe: it holds no state.
 */
final class ContainerNames {

    static final int KEEP = 1;
    static final int COMMENTS = 2;
    static final int BOILERPLATE = 4;

    /** What must surround a word where it is found. */
    private enum Edge {
        /** Anything. */
        ANY,
        /** Not a word character (as {@code \b} sees one: a letter, digit or underscore), or the name's end. */
        WORD_BOUNDARY,
        /** White space, {@code _} or {@code -}, or the name's end (before a last line terminator too). */
        SEPARATOR
    }

    /**
     * One spelling of a word.
     *
     * @param text the word, lower case
     * @param kind what it marks
     * @param before what must come before it
     * @param after what must come after it
     */
    private record Word(String text, int kind, Edge before, Edge after) {}

    /**
     * The words, written as a tiny pattern: {@code -?} is an optional hyphen, a final {@code s?} an optional s,
     * {@code \b} a word boundary and {@code |} a separator at that end.
     */
    private static final List<String> KEEP_WORDS = List.of("article-?body", "story-?body", "post-?body",
            "entry-?content", "article-?content", "main-?content", "articletext", "article-?text");

    private static final List<String> COMMENT_WORDS = List.of("|comments?|", "commentlist", "comment-?thread",
            "disqus", "respond");

    private static final List<String> BOILERPLATE_WORDS = List.of("advert", "author-?bio", "author-?box",
            "author-?info", "author-?card", "author-?profile", "about-?the-?author", "also-?read", "\\bads?\\b",
            "\\bad-", "breadcrumb", "byline", "comment", "cookie", "caption", "credit", "dateline", "disqus",
            "disclaimer", "footer", "login", "most-?read", "more-?stories", "modal", "menu", "masthead", "newsletter",
            "nav\\b", "navbar", "outbrain", "popular", "promo", "pagination", "popup", "print-only", "related",
            "recommend", "read-?more", "rating", "share", "sharing", "social", "sidebar", "subscri", "sponsor",
            "signup", "sr-only", "trending", "taboola", "toolbar", "timestamp", "\\btags?\\b", "visually-hidden",
            "widget");

    /** Every spelling of every word, by its first two letters ({@link #key}): most positions of a name start none. */
    private static final Word[][] BY_FIRST_LETTERS = index();

    private ContainerNames() {}

    /** What {@code name} marks: {@link #KEEP}, else {@link #COMMENTS}, else {@link #BOILERPLATE}, else 0. */
    static int kind(String name) {
        int found = 0;
        for (int i = 0; i + 1 < name.length(); i++) {
            char first = lower(name.charAt(i));
            char second = lower(name.charAt(i + 1));
            Word[] words = first < 128 && second < 128 ? BY_FIRST_LETTERS[key(first, second)] : null;
            if (words == null) {
                continue;
            }
            for (Word word : words) {
                if ((found & word.kind()) == 0 && matches(name, i, word)) {
                    found |= word.kind();
                    if (word.kind() == KEEP) {
                        return KEEP;
                    }
                }
            }
        }
        return (found & COMMENTS) != 0 ? COMMENTS : found;
    }

    private static boolean matches(String name, int start, Word word) {
        String text = word.text();
        int end = start + text.length();
        if (end > name.length()) {
            return false;
        }
        for (int k = 2; k < text.length(); k++) {
            if (lower(name.charAt(start + k)) != text.charAt(k)) {
                return false;
            }
        }
        return switch (word.before()) {
            case ANY -> true;
            case WORD_BOUNDARY -> !wordBefore(name, start);
            case SEPARATOR -> start == 0 || isSeparator(name.charAt(start - 1));
        } && switch (word.after()) {
            case ANY -> true;
            case WORD_BOUNDARY -> !wordAt(name, end);
            case SEPARATOR -> end == name.length() || isSeparator(name.charAt(end)) || endsBefore(name, end);
        };
    }

    /** Case-insensitive matching of ASCII letters only, as java.util.regex does without {@code UNICODE_CASE}. */
    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Whether only a line terminator follows {@code end}: java.util.regex's {@code $} matches there too. */
    private static boolean endsBefore(String name, int end) {
        char c = name.charAt(end);
        return end == name.length() - 1 && (c == '\u0085' || c == '\u2028' || c == '\u2029');
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c == '_' || c == '-';
    }

    /*
     * A word character before or at a position, as java.util.regex's \b decides on Java 17: a letter, digit or
     * underscore, or a non-spacing mark that follows a letter or digit (through other marks).
     */

    private static boolean wordBefore(String s, int i) {
        if (i == 0) {
            return false;
        }
        int cp = Character.codePointBefore(s, i);
        return isWord(cp) || Character.getType(cp) == Character.NON_SPACING_MARK && hasBase(s, i - 1);
    }

    private static boolean wordAt(String s, int i) {
        if (i >= s.length()) {
            return false;
        }
        int cp = Character.codePointAt(s, i);
        return isWord(cp) || Character.getType(cp) == Character.NON_SPACING_MARK && hasBase(s, i);
    }

    private static boolean isWord(int cp) {
        return cp == '_' || Character.isLetterOrDigit(cp);
    }

    private static boolean hasBase(String s, int i) {
        for (int x = i; x >= 0; x--) {
            int cp = Character.codePointAt(s, x);
            if (Character.isLetterOrDigit(cp)) {
                return true;
            }
            if (Character.getType(cp) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return false;
    }

    private static Word[][] index() {
        List<Word> words = new ArrayList<>();
        KEEP_WORDS.forEach(w -> spell(w, KEEP, words));
        COMMENT_WORDS.forEach(w -> spell(w, COMMENTS, words));
        BOILERPLATE_WORDS.forEach(w -> spell(w, BOILERPLATE, words));
        Word[][] index = new Word[128 * 128][];
        for (Word word : words) {
            int key = key(word.text().charAt(0), word.text().charAt(1));
            Word[] old = index[key] == null ? new Word[0] : index[key];
            Word[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = word;
            index[key] = grown;
        }
        return index;
    }

    /** Where words starting with two ASCII characters are indexed. */
    private static int key(char first, char second) {
        return first << 7 | second;
    }

    /** Adds every spelling {@code pattern} allows. */
    private static void spell(String pattern, int kind, List<Word> out) {
        Edge before = Edge.ANY;
        Edge after = Edge.ANY;
        String p = pattern;
        if (p.startsWith("\\b")) {
            before = Edge.WORD_BOUNDARY;
            p = p.substring(2);
        } else if (p.startsWith("|")) {
            before = Edge.SEPARATOR;
            p = p.substring(1);
        }
        if (p.endsWith("\\b")) {
            after = Edge.WORD_BOUNDARY;
            p = p.substring(0, p.length() - 2);
        } else if (p.endsWith("|")) {
            after = Edge.SEPARATOR;
            p = p.substring(0, p.length() - 1);
        }
        List<String> spellings = List.of("");
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            boolean optional = i + 1 < p.length() && p.charAt(i + 1) == '?';
            List<String> next = new ArrayList<>();
            for (String s : spellings) {
                next.add(s + c);
                if (optional) {
                    next.add(s);
                }
            }
            spellings = next;
            if (optional) {
                i++;
            }
        }
        for (String s : spellings) {
            out.add(new Word(s, kind, before, after));
        }
    }
}
