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

    /** Elements whose content a reader never sees as text: scripts, styles, media, form controls, hidden ones. */
    private static final Set<String> NEVER_TEXT = Set.of("script", "style", "noscript", "iframe", "svg", "canvas",
            "button", "input", "select", "textarea", "figcaption", "template", "object", "embed", "video", "audio");

    private TextBlocks() {}

    /**
     * The blocks of {@code root} in document order; blocks without a letter or digit are left out. {@code root} is
     * expected to hold no {@linkplain #isNeverText never-text} elements (the cleaner removed them); their text would
     * be read.
     */
    static List<Block> of(Element root) {
        Reader reader = new Reader(root);
        NodeTraversor.traverse(reader, root);
        return reader.blocks();
    }

    /**
     * The blocks of {@code e}, as {@link #of} reads them, taken from {@code rootBlocks} (those of {@code root}, which
     * holds {@code e}) rather than read again where they are the same: where {@code e} starts blocks of its own (a
     * block boundary or a layout cell), so no text outside it joins its first or last block, and sits in no link, so
     * its links are counted alike. Otherwise they are read again.
     */
    static List<Block> within(Element e, Element root, List<Block> rootBlocks) {
        if (e == root) {
            return rootBlocks;
        }
        if (!startsBlocks(e) || !inRootOutsideLinks(e, root)) {
            return of(e);
        }
        int from = 0;
        while (from < rootBlocks.size() && !isInside(rootBlocks.get(from).owner(), e, root)) {
            from++;
        }
        int to = from;
        while (to < rootBlocks.size() && isInside(rootBlocks.get(to).owner(), e, root)) {
            to++;
        }
        return rootBlocks.subList(from, to);
    }

    private static boolean startsBlocks(Element e) {
        String name = e.normalName();
        return isBoundary(e) && !name.equals("br") && !name.equals("hr") || CELLS.contains(name) && isLayoutCell(e);
    }

    /** Whether {@code e} is below {@code root} with no link around it, {@code root} included. */
    private static boolean inRootOutsideLinks(Element e, Element root) {
        for (Element up = e.parent(); up != null; up = up.parent()) {
            if (up.normalName().equals("a")) {
                return false;
            }
            if (up == root) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code owner}, an element in {@code root}, is {@code e} or inside it. */
    private static boolean isInside(Element owner, Element e, Element root) {
        for (Element up = owner; up != null && up != root; up = up.parent()) {
            if (up == e) {
                return true;
            }
        }
        return false;
    }

    static boolean isBoundary(Element e) {
        return BOUNDARIES.contains(e.normalName());
    }

    /**
     * Whether {@code e} holds no text a reader sees: the selector "script, style, noscript, iframe, svg, canvas,
     * button, input, select, textarea, figcaption, template, object, embed, video, audio, [hidden],
     * [aria-hidden=true]" tested by hand (tag names exactly, attribute names and values ignoring case, values
     * trimmed).
     */
    static boolean isNeverText(Element e) {
        return NEVER_TEXT.contains(e.normalName()) || e.attributesSize() > 0 && (e.hasAttr("hidden")
                || e.hasAttr("aria-hidden") && "true".equalsIgnoreCase(e.attr("aria-hidden").trim()));
    }

    /**
     * Whether an element below {@code cell} is a block boundary. Never-text elements are passed over, so a cell reads
     * the same whether they are still in the page or already removed.
     */
    private static boolean isLayoutCell(Element cell) {
        for (int i = 0; i < cell.childNodeSize(); i++) {
            if (cell.childNode(i) instanceof Element child && !isNeverText(child)
                    && (isBoundary(child) || isLayoutCell(child))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the blocks of a subtree node by node, for a walk over it ({@link #of}, or one that also does other work
     * and leaves out never-text elements as it goes: the blocks are then those of the subtree without them).
     */
    static final class Reader implements NodeVisitor {

        private final List<Block> blocks = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final List<Element> owners = new ArrayList<>();
        private int linkDepth;
        /** Whether the current block's text ends in a space, and whether it holds a letter or digit. */
        private boolean endsInSpace;
        private boolean hasLetterOrDigit;
        private int linkChars;

        Reader(Element root) {
            owners.add(root);
        }

        /** The blocks read so far, once the walk is over. */
        List<Block> blocks() {
            flush();
            return blocks;
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
                } else if (CELLS.contains(e.normalName()) && owners.size() > 1 && owners.get(owners.size() - 1) == e) {
                    // Only a layout cell was made an owner at its head; asking again would walk the cell again.
                    flush();
                    owners.remove(owners.size() - 1);
                }
            }
        }

        /**
         * Appends text with white space collapsed as it comes, so a block's text never needs a second pass; runs of
         * other characters are appended whole.
         */
        private void append(String raw) {
            int i = 0;
            while (i < raw.length()) {
                if (isSpace(raw.charAt(i))) {
                    if (text.length() > 0 && !endsInSpace) {
                        text.append(' ');
                        endsInSpace = true;
                    }
                    i++;
                    continue;
                }
                int start = i;
                for (; i < raw.length() && !isSpace(raw.charAt(i)); i++) {
                    if (!hasLetterOrDigit && Character.isLetterOrDigit(raw.charAt(i))) {
                        hasLetterOrDigit = true;
                    }
                }
                text.append(raw, start, i);
                endsInSpace = false;
                if (linkDepth > 0) {
                    linkChars += i - start;
                }
            }
        }

        /** White space or a no-break space; letters past ASCII (Arabic) skip the look-up, being none below U+1680. */
        private static boolean isSpace(char c) {
            return c <= ' ' || c >= '\u1680' ? Character.isWhitespace(c) : c == '\u00A0';
        }

        private void flush() {
            if (hasLetterOrDigit) {
                String s = text.substring(0, endsInSpace ? text.length() - 1 : text.length());
                blocks.add(new Block(owners.get(owners.size() - 1), s, linkChars));
            }
            text.setLength(0);
            endsInSpace = false;
            hasLetterOrDigit = false;
            linkChars = 0;
        }
    }
}
