package org.raqib.ingest.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Removes from a page's body what is never article text: scripts and media, captions, and — when they hold less
 * than the bulk of the page's prose — navigation, asides, footers, forms and elements whose class or id names boilerplate
 * (share bars, related news, comments, most-read lists, …), plus inline "read also" blocks with the headlines they
 * introduce. The element marked {@code itemprop=articleBody}, and every element around it, is never removed.
 */
final class PageCleaner {

    /** "Read also" headings; {@link #HEADING_CHARS} must stay at least the length of the longest, spaces aside. */
    private static final Pattern READ_ALSO = Pattern.compile(
            "^\\s*(أخبار ذات علاقة|اخبار ذات علاقة|أخبار ذات صلة|مواضيع ذات صلة|ذات صلة|اقرأ أيضا|اقرأ أيضاً|اقرأ ايضا"
                    + "|اقرأ أيضًا|إقرأ أيضا|اقرأ المزيد|شاهد أيضا|شاهد أيضاً|related( articles| stories| news)?"
                    + "|read (also|more)|see also|more on this( story)?)\\s*[:：]?\\s*$",
            Pattern.CASE_INSENSITIVE);

    /**
     * The longest heading {@link #READ_ALSO} matches, colon included ("related articles:", "more on this story:"), has
     * this many characters besides white space: an element whose text has more visible ones is not one, and its text
     * need not be built to see it.
     */
    private static final int HEADING_CHARS = 16;

    /** Shorter blocks (labels, dates, headlines) are not counted as prose. */
    private static final int MIN_PROSE_LENGTH = 60;

    private PageCleaner() {}

    /**
     * Cleans {@code root} in place.
     *
     * @param reader shown every node of {@code root} in document order (never-text ones included) before anything is
     *     removed, so what else reads the page needs no walk of its own
     * @return the elements in {@code root} marked {@code itemprop=articleBody} that are still there, in document order
     */
    static List<Element> clean(Element root, NodeVisitor reader) {
        PageSweep sweep = new PageSweep(root, reader);
        Set<Element> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element body : sweep.marked) {
            for (Element up = body; up != null && kept.add(up); up = up.parent()) {
                // marks the element and its ancestors
            }
        }
        Map<Element, Integer> prose = proseByElement(sweep.blocks);
        int total = prose.getOrDefault(root, 0);
        for (Element e : sweep.structural) {
            // A page wrapped whole in a <form> (ASP.NET) or a <main> inside an <aside> is still the page.
            if (e.parent() != null && !kept.contains(e) && prose.getOrDefault(e, 0) <= 0.4 * total) {
                e.remove();
            }
        }
        // A page repeats a few hundred class names across thousands of elements: each is matched once. The class and
        // the id are matched apart, as ids are unique and would make every pair a new one (no word spans a space, so
        // reading them apart reads the same words).
        Map<String, Integer> kinds = new HashMap<>();
        for (Element e : sweep.named) {
            // Elements inside a removed container still have a parent; removing them again changes nothing.
            if (e.parent() == null || e == root || kept.contains(e)) {
                continue;
            }
            int kind = kinds.computeIfAbsent(e.className(), ContainerNames::kind)
                    | kinds.computeIfAbsent(e.id(), ContainerNames::kind);
            double share = boilerplateShare(kind);
            if (share >= 0 && prose.getOrDefault(e, 0) <= share * total) {
                e.remove();
            }
        }
        removeReadAlso(sweep);
        List<Element> marked = new ArrayList<>();
        for (Element e : sweep.marked) {
            if (isWithin(e, root)) {
                marked.add(e);
            }
        }
        return marked;
    }

    private static boolean isWithin(Element e, Element root) {
        for (Element up = e; up != null; up = up.parent()) {
            if (up == root) {
                return true;
            }
        }
        return false;
    }

    /**
     * The largest share of the page's prose an element whose names are of {@code kind} may hold and still be
     * removed; -1 when the names do not mark boilerplate.
     */
    private static double boilerplateShare(int kind) {
        // A name is a hint, not proof: an element holding most of the page's prose is the page, whatever its class.
        if ((kind & ContainerNames.KEEP) != 0) {
            return -1;
        }
        // Comment threads can outweigh a short article, so their names count for more than a size check.
        return (kind & ContainerNames.COMMENTS) != 0 ? 0.8 : (kind & ContainerNames.BOILERPLATE) != 0 ? 0.4 : -1;
    }

    /**
     * How many characters of prose each element holds: text in blocks long enough to be sentences and not made of
     * links. Menus, headline lists and link farms weigh nothing, so a page's chrome cannot outweigh its article.
     */
    private static Map<Element, Integer> proseByElement(List<TextBlocks.Block> blocks) {
        Map<Element, Integer> prose = new IdentityHashMap<>();
        for (TextBlocks.Block block : blocks) {
            int length = block.text().length();
            if (length < MIN_PROSE_LENGTH || block.linkDensity() > 0.3) {
                continue;
            }
            for (Element up = block.owner(); up != null; up = up.parent()) {
                prose.merge(up, length, Integer::sum);
            }
        }
        return prose;
    }

    /** Removes inline "related news" headings and the link lists or headlines that follow them. */
    private static void removeReadAlso(PageSweep sweep) {
        // The sweep's elements stand for a fresh list of the page's: the first is the root, and what was removed
        // since is passed over whole (anything it removed inside what it removes would change nothing).
        List<Element> elements = sweep.elements;
        for (int i = 1; i < elements.size(); i++) {
            Element e = elements.get(i);
            if (e.parent() == null) {
                i = sweep.subtreeEnd(i) - 1;
                continue;
            }
            if (childElements(e, 3) > 3) {
                continue;
            }
            // Own text first: calling text() on every element would walk every subtree again (quadratic). Counting
            // before building it skips the paragraphs, which are most of the page's text and never a heading.
            if (visibleChars(e, false, HEADING_CHARS) > HEADING_CHARS) {
                continue;
            }
            String own = e.ownText();
            if (own.length() > 40 || (own.isBlank() && childElements(e, 1) != 1)) {
                continue;
            }
            if (!own.isBlank() ? READ_ALSO.matcher(own).matches() && e.text().length() <= 60
                    // A heading in a wrapper: the wrapper chains around paragraphs are counted, not rebuilt, at
                    // every level.
                    : visibleChars(firstChildElement(e), false, HEADING_CHARS) <= HEADING_CHARS
                            && firstChildElement(e).ownText().length() <= 40
                            && visibleChars(e, true, HEADING_CHARS) <= HEADING_CHARS
                            && READ_ALSO.matcher(e.text()).matches()) {
                Element next = e.nextElementSibling();
                int removed = 0;
                while (next != null && removed < 3 && (linkDensity(next) > 0.3 || next.text().length() < 120)) {
                    Element after = next.nextElementSibling();
                    next.remove();
                    removed++;
                    next = after;
                    if (next != null && next.text().length() > 160 && linkDensity(next) < 0.2) {
                        break;
                    }
                }
                e.remove();
            }
        }
    }

    /*
     * Element children counted and found by hand: jsoup's childrenSize() and child(i) build and cache a list of
     * every element's children, a twentieth of the extraction's time when asked of every element on the page.
     */

    /** How many child elements {@code e} has, counted no further than {@code limit + 1}. */
    private static int childElements(Element e, int limit) {
        int count = 0;
        for (int i = 0; i < e.childNodeSize() && count <= limit; i++) {
            if (e.childNode(i) instanceof Element) {
                count++;
            }
        }
        return count;
    }

    /** The first child element of {@code e}, which has one. */
    private static Element firstChildElement(Element e) {
        for (int i = 0; ; i++) {
            if (e.childNode(i) instanceof Element child) {
                return child;
            }
        }
    }

    /**
     * A lower bound on the length of {@code e.ownText()} (or, {@code deep}, of {@code e.text()}), counted no further
     * than {@code limit + 1}: the characters of its text nodes that jsoup neither collapses (white space), drops
     * (zero-width space, soft hyphen) nor trims (controls). It stops early, where building the text would not.
     */
    private static int visibleChars(Element e, boolean deep, int limit) {
        int count = 0;
        for (int i = 0; i < e.childNodeSize() && count <= limit; i++) {
            Node child = e.childNode(i);
            if (child instanceof TextNode t) {
                String text = t.getWholeText();
                for (int k = 0; k < text.length() && count <= limit; k++) {
                    char c = text.charAt(k);
                    if (c > ' ' && c != '\u00A0' && c != '\u200B' && c != '\u00AD') {
                        count++;
                    }
                }
            } else if (deep && child instanceof Element inner) {
                count += visibleChars(inner, true, limit - count);
            }
        }
        return count;
    }

    static double linkDensity(Element e) {
        int length = e.text().length();
        if (length == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return links / (double) length;
    }
}
