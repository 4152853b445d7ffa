package org.raqib.ingest.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * One walk over a page's body that removes the {@linkplain TextBlocks#isNeverText never-text} elements and gathers
 * everything {@link PageCleaner} then needs: the page's text blocks (as {@link TextBlocks#of} reads them once those
 * elements are gone), its elements in document order with the extent of each one's subtree, and, among them, those
 * marked as the article body, the structural containers and those with a class or id; and it shows every node, as
 * it was, to an observer (the metadata's reader). Each of these once took a walk of its own (a selector run, a text
 * read), and walking the page's nodes is much of what extraction costs.
 *
 * <p>The elements are tested by hand as the selectors "[itemprop=articleBody]", "nav, footer, aside, form,
 * [role=navigation], [role=complementary], [role=contentinfo], [role=banner]" and "[class], [id]" test them (tag
 * names exactly, attribute names and values ignoring case, values trimmed).
 */
final class PageSweep {

    private static final Set<String> STRUCTURAL = Set.of("nav", "footer", "aside", "form");

    private static final List<String> STRUCTURAL_ROLES = List.of("navigation", "complementary", "contentinfo",
            "banner");

    /** The page's elements that are not never-text, in document order; the root is the first. */
    final List<Element> elements = new ArrayList<>();
    /** Elements marked {@code itemprop=articleBody}, in document order. */
    final List<Element> marked = new ArrayList<>();
    /** Navigation, footers, asides, forms and elements with those roles, in document order. */
    final List<Element> structural = new ArrayList<>();
    /** Elements with a class or id, in document order. */
    final List<Element> named = new ArrayList<>();
    /** The text blocks of the page without its never-text elements. */
    final List<TextBlocks.Block> blocks;

    /** For the element at each index of {@link #elements}, the index just past its last descendant. */
    private int[] subtreeEnds = new int[256];

    /**
     * Sweeps {@code root}, removing its never-text elements.
     *
     * @param observer shown every node of {@code root} (its head and tail) in document order, never-text ones
     *     included, before any is removed
     */
    PageSweep(Element root, NodeVisitor observer) {
        TextBlocks.Reader reader = new TextBlocks.Reader(root);
        NodeTraversor.filter(new Walk(root, reader, observer), root);
        blocks = reader.blocks();
    }

    /** The index just past the last descendant of the element at {@code index} of {@link #elements}. */
    int subtreeEnd(int index) {
        return subtreeEnds[index];
    }

    private final class Walk implements NodeFilter {

        private final Element root;
        private final TextBlocks.Reader reader;
        private final NodeVisitor observer;
        /** Indexes in {@link #elements} of the elements the walk is inside. */
        private int[] open = new int[64];
        private int depth;

        Walk(Element root, TextBlocks.Reader reader, NodeVisitor observer) {
            this.root = root;
            this.reader = reader;
            this.observer = observer;
        }

        @Override
        public FilterResult head(Node node, int nodeDepth) {
            if (node instanceof Element e && e != root && TextBlocks.isNeverText(e)) {
                NodeTraversor.traverse(observer, e);
                return FilterResult.REMOVE; // neither read nor gathered, nor anything inside it
            }
            observer.head(node, nodeDepth);
            if (node instanceof Element e) {
                if (e == root && TextBlocks.isNeverText(e)) {
                    // The root leaves its parent, as a selection's remove() would take it, but its content is still read.
                    e.remove();
                }
                gather(e);
            }
            reader.head(node, nodeDepth);
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int nodeDepth) {
            observer.tail(node, nodeDepth);
            reader.tail(node, nodeDepth);
            if (node instanceof Element) {
                subtreeEnds[open[--depth]] = elements.size();
            }
            return FilterResult.CONTINUE;
        }

        private void gather(Element e) {
            int index = elements.size();
            elements.add(e);
            if (index == subtreeEnds.length) {
                subtreeEnds = Arrays.copyOf(subtreeEnds, index * 2);
            }
            if (depth == open.length) {
                open = Arrays.copyOf(open, depth * 2);
            }
            open[depth++] = index;
            boolean attributes = e.attributesSize() > 0;
            if (attributes && hasValue(e, "itemprop", "articlebody")) {
                marked.add(e);
            }
            if (STRUCTURAL.contains(e.normalName()) || attributes && hasRole(e)) {
                structural.add(e);
            }
            if (attributes && (e.hasAttr("class") || e.hasAttr("id"))) {
                named.add(e);
            }
        }
    }

    private static boolean hasRole(Element e) {
        if (!e.hasAttr("role")) {
            return false;
        }
        for (String role : STRUCTURAL_ROLES) {
            if (hasValue(e, "role", role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e}'s attribute {@code key} is {@code value}, as a selector's {@code [key=value]} tests. */
    private static boolean hasValue(Element e, String key, String value) {
        return e.hasAttr(key) && value.equalsIgnoreCase(e.attr(key).trim());
    }
}
