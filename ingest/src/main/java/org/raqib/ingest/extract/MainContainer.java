package org.raqib.ingest.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Finds the element that holds an article's text in a cleaned page. The publisher's own schema.org marking
 * ({@code itemprop=articleBody}) wins when it holds prose; otherwise every block of prose votes for its parent
 * (fully) and grandparent (half), readability-style, by its length and commas, less its links, and the element with
 * the most votes wins; of elements with exactly equal votes, the first in document order.
 */
final class MainContainer {

    /**
     * What was found.
     *
     * @param container the element holding the article
     * @param blocks its text blocks
     */
    record Article(Element container, List<TextBlocks.Block> blocks) {}

    /** Blocks too short to be prose (a date, a byline, a button label) do not vote. */
    private static final int MIN_VOTING_LENGTH = 25;

    /** Headings and list items are not prose: a list of headlines must not vote for its container. */
    private static final Set<String> NON_VOTING = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "li", "dt");

    private MainContainer() {}

    /**
     * The container of the article in {@code root}, {@code root} itself when nothing stands out, with its blocks.
     *
     * @param markedBodies the elements in {@code root} marked {@code itemprop=articleBody}, in document order
     */
    static Article find(Element root, List<Element> markedBodies) {
        Element marked = null;
        int markedLength = 0;
        for (Element e : markedBodies) {
            int length = e.text().length();
            if (length >= 200 && (marked == null || length > markedLength)) {
                marked = e;
                markedLength = length;
            }
        }
        if (marked != null) {
            return new Article(marked, TextBlocks.of(marked));
        }
        List<TextBlocks.Block> blocks = TextBlocks.of(root);
        Map<Element, Integer> blocksPerOwner = new IdentityHashMap<>();
        for (TextBlocks.Block block : blocks) {
            blocksPerOwner.merge(block.owner(), 1, Integer::sum);
        }
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (TextBlocks.Block block : blocks) {
            String text = block.text();
            if (text.length() < MIN_VOTING_LENGTH || NON_VOTING.contains(block.owner().normalName())) {
                continue;
            }
            double score = (1 + commas(text) + Math.min(text.length() / 100.0, 3)) * (1 - block.linkDensity());
            // Lines split by <br> are paragraphs without their own element: their "parent" is the element they share.
            Element parent = blocksPerOwner.get(block.owner()) > 1 ? block.owner() : block.owner().parent();
            if (parent == null) {
                continue;
            }
            scores.merge(parent, score, Double::sum);
            if (parent.parent() != null) {
                scores.merge(parent.parent(), score / 2, Double::sum);
            }
        }
        double top = 0;
        List<Element> tied = new ArrayList<>();
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            if (e.getValue() > top) {
                top = e.getValue();
                tied.clear();
            }
            if (e.getValue() == top && top > 0) {
                tied.add(e.getKey());
            }
        }
        if (tied.isEmpty()) {
            return new Article(root, blocks);
        }
        Element best = tied.size() == 1 ? tied.get(0) : firstInDocumentOrder(tied, root);
        // A container that holds little more than the winner is the same article; prefer it to catch headings.
        Element parent = best.parent();
        if (parent != null && parent != root.parent() && scores.getOrDefault(parent, 0.0) >= 0.8 * top
                && parent.text().length() < 1.6 * best.text().length()) {
            best = parent;
        }
        return new Article(best, TextBlocks.within(best, root, blocks));
    }

    /**
     * The element of {@code tied} whose start tag comes first in the document: an exact tie must not be broken by
     * the identity-hash iteration order of the score map, which differs from run to run.
     */
    private static Element firstInDocumentOrder(List<Element> tied, Element root) {
        Element top = root;
        while (top.parent() != null) {
            top = top.parent(); // a block owned by root votes for root's parent (and grandparent) too
        }
        Set<Element> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
        candidates.addAll(tied);
        for (Element e : top.getAllElements()) {
            if (candidates.contains(e)) {
                return e;
            }
        }
        throw new IllegalStateException("every voted-for element is an ancestor of a block in the document");
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '،') {
                n++;
            }
        }
        return n;
    }
}
