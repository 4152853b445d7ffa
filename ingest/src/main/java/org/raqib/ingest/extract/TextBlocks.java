package org.raqib.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text blocks of a subtree, as a reader sees them: a block is the text between two block-level boundaries
 * (a paragraph, a list item, a heading, a {@code div}, a table row, a line break), whatever inline elements ({@code span},
 * {@code font}, {@code b}, {@code a}) it sits in. Pages that set their prose in {@code div}s of {@code span}s or
 * lines split by {@code <br>} have no {@code <p>} at all; reading blocks this way finds their text all the same, in
 * one pass over the subtree.
 */
final class TextBlocks {

    /**
     * One block of text.
     *
     * @param owner the nearest block-level element holding the text
     * @param text the text, white space collapsed
     * @param linkChars how many of its characters sit inside links
     */
    record Block(Element owner, String text, int linkChars) {

        double linkDensity() {
            return text.isEmpty() ? 0 : Math.min(1.0, linkChars / (double) text.length());
        }
    }

    private static final Set<String> BOUNDARIES = Set.of("address", "article", "aside", "blockquote", "br", "dd",
            "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
            "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody",
            "tfoot", "thead", "tr", "ul", "center", "summary", "caption");

    /**
     * A data table's row reads as one line: its cells are separated, not split into blocks. A cell holding lines or
     * blocks of its own is a page column (a layout table) and is a block boundary like a {@code div}.
     */
    private static final Set<String> CELLS = Set.of("td", "th");

    private TextBlocks() {}

    /** The blocks of {@code root} in document order; blocks without a letter or digit are left out. */
    static List<Block> of(Element root) {
        Collector collector = new Collector(root);
        NodeTraversor.traverse(collector, root);
        collector.flush();
        return collector.blocks;
    }

    static boolean isBoundary(Element e) {
        return BOUNDARIES.contains(e.normalName());
    }

    private static boolean isLayoutCell(Element cell) {
        for (Element e : cell.getAllElements()) {
            if (e != cell && isBoundary(e)) {
                return true;
            }
        }
        return false;
    }

    private static final class Collector implements NodeVisitor {

        private final List<Block> blocks = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final List<Element> owners = new ArrayList<>();
        private int linkDepth;
        private int linkChars;

        Collector(Element root) {
            owners.add(root);
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                append(t.getWholeText());
            } else if (node instanceof Element e) {
                if (isBoundary(e)) {
                    flush();
                    if (!e.normalName().equals("br") && !e.normalName().equals("hr")) {
                        owners.add(e);
                    }
                } else if (e.normalName().equals("a")) {
                    linkDepth++;
                } else if (CELLS.contains(e.normalName())) {
                    if (isLayoutCell(e)) {
                        flush();
                        owners.add(e);
                    } else {
                        append(" ");
                    }
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                if (isBoundary(e)) {
                    flush();
                    if (!e.normalName().equals("br") && !e.normalName().equals("hr") && owners.size() > 1) {
                        owners.remove(owners.size() - 1);
                    }
                } else if (e.normalName().equals("a")) {
                    linkDepth--;
                } else if (CELLS.contains(e.normalName()) && isLayoutCell(e)) {
                    flush();
                    owners.remove(owners.size() - 1);
                }
            }
        }

        /** Appends text with white space collapsed as it comes, so a block's text never needs a second pass. */
        private void append(String raw) {
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00A0') {
                    if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                        text.append(' ');
                    }
                } else {
                    text.append(c);
                    if (linkDepth > 0) {
                        linkChars++;
                    }
                }
            }
        }

        void flush() {
            int end = text.length();
            if (end > 0 && text.charAt(end - 1) == ' ') {
                end--;
            }
            String s = text.substring(0, end);
            if (hasLetterOrDigit(s)) {
                blocks.add(new Block(owners.get(owners.size() - 1), s, linkChars));
            }
            text.setLength(0);
            linkChars = 0;
        }

        private static boolean hasLetterOrDigit(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (Character.isLetterOrDigit(s.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
    }
}
