package org.raqib.streams.entities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Mention;
import org.raqib.streams.text.ArabicMorphology;
import org.raqib.streams.text.ArticleText;
import org.raqib.streams.text.TextAnalyzer;
import org.raqib.streams.text.Token;

/**
 * Finds the storyline's entities in an article's title and body.
 *
 * <p>One pass over the folded tokens: at each token the candidate forms (the word, then the stems left by stripping
 * proclitics and the article, see {@link ArabicMorphology}) are looked up in the gazetteer's hash index, and the
 * longest alias that starts there wins. A word no alias matches is tried, if long enough, as a transliteration
 * variant of a person's or organisation's name (same consonant skeleton, {@link Gazetteer#skeleton}), and as two
 * words glued together by a careless page (ترارويالمصدر). Matches inside a longer match still count (الليبي inside
 * الجيش الوطني الليبي names Libya too), except inside stop phrases (نهر النيجر), a repeat of the same entity, and
 * الساحل inside an organisation's own name. Ambiguous aliases then go to {@link ContextRules}. Entities come out in
 * the order of their first mention, title before body; each mention carries its confidence and reason.
 *
 * <p>Immutable and thread-safe: build one per gazetteer and share it.
 */
public final class EntityRecognizer {

    static final String TITLE = "title";
    static final String BODY = "body";
    private static final int MIN_FUZZY_LENGTH = 5;
    private static final int MIN_GLUED_LENGTH = 7;

    private final Gazetteer gazetteer;
    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final ContextRules rules;

    public EntityRecognizer(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.rules = new ContextRules(gazetteer);
    }

    /** The gazetteer this recogniser was built from. */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /**
     * The entities named in an article, with every mention's offsets into {@code title} (field {@code title}) or
     * {@code body} (field {@code body}). Either may be null or empty.
     */
    public List<EntityHit> recognise(String title, String body) {
        return recognise(ArticleText.of(title, body, analyzer));
    }

    /**
     * The entities named in an article already tokenised, with every mention's offsets into {@code text.title()}
     * (field {@code title}) or {@code text.body()} (field {@code body}).
     */
    public List<EntityHit> recognise(ArticleText text) {
        FieldText titleText = FieldText.of(TITLE, text.title(), text.titleTokens());
        FieldText bodyText = FieldText.of(BODY, text.body(), text.bodyTokens());
        List<Candidate> found = new ArrayList<>();
        find(titleText, found);
        find(bodyText, found);
        List<Candidate> kept = dropNested(found);
        List<ContextRules.Decision> decisions = rules.decide(kept, titleText, bodyText);
        return hits(decisions);
    }

    private void find(FieldText field, List<Candidate> out) {
        List<Token> tokens = field.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Candidate best = longestAt(field, i);
            if (best == null) {
                best = fuzzyAt(field, i);
            }
            if (best == null) {
                best = gluedAt(field, i);
            }
            if (best != null) {
                out.add(best);
            }
        }
    }

    private Candidate longestAt(FieldText field, int i) {
        List<Token> tokens = field.tokens();
        Token token = tokens.get(i);
        List<String> forms = token.bareForms();
        Candidate best = null;
        for (String form : forms) {
            int prefix = token.folded().length() - form.length();
            boolean article = ArabicMorphology.strippedArticle(token.folded(), prefix);
            for (Alias alias : gazetteer.startingWith(form)) {
                if (alias.needsArticle() && !article) {
                    continue;
                }
                if (article && !alias.needsArticle() && alias.entity().type().equals("person")
                        && !alias.tokens().get(0).startsWith("\u0627\u0644")) {
                    // names of people take no article: المودي is 'the leading', not Mody
                    continue;
                }
                int n = alias.tokens().size();
                if (i + n > tokens.size() || (best != null && n <= best.last() - best.first() + 1)) {
                    continue;
                }
                if (followsOn(field, i, alias)) {
                    Token last = tokens.get(i + n - 1);
                    double confidence = n > 1 ? 0.99 : alias.kind() == Alias.Kind.GENTILIC ? 0.95 : 0.97;
                    String reason = alias.kind() == Alias.Kind.GENTILIC ? "gentilic" : "alias";
                    best = new Candidate(alias, field.name(), i, i + n - 1, token.start(), last.end(), prefix,
                            article, confidence, reason);
                }
            }
        }
        return best;
    }

    private static boolean followsOn(FieldText field, int i, Alias alias) {
        for (int k = 1; k < alias.tokens().size(); k++) {
            if (field.breakBefore()[i + k] || !field.tokens().get(i + k).folded().equals(alias.tokens().get(k))) {
                return false;
            }
        }
        return true;
    }

    private Candidate fuzzyAt(FieldText field, int i) {
        Token token = field.tokens().get(i);
        if (!token.arabic() || token.folded().length() < MIN_FUZZY_LENGTH) {
            return null;
        }
        for (String form : token.bareForms()) {
            if (form.length() < MIN_FUZZY_LENGTH || !gazetteer.maySoundLikeForeignName(form)) {
                continue;
            }
            String skeleton = Gazetteer.skeleton(form);
            Optional<Alias> known = skeleton.length() >= Gazetteer.MIN_SKELETON ? gazetteer.bySkeleton(skeleton)
                    : Optional.empty();
            if (known.isPresent() && closeInLength(form, known.get())) {
                int prefix = token.folded().length() - form.length();
                Alias alias = new Alias(known.get().entity(), List.of(form), Alias.Kind.NAME, known.get().guarded(),
                        false, List.of());
                return new Candidate(alias, field.name(), i, i, token.start(), token.end(), prefix,
                        ArabicMorphology.strippedArticle(token.folded(), prefix), 0.75, "fuzzy");
            }
        }
        return null;
    }

    private Candidate gluedAt(FieldText field, int i) {
        Token token = field.tokens().get(i);
        String folded = token.folded();
        // only when folding removed nothing, so folded positions are original positions
        if (!token.arabic() || folded.length() < MIN_GLUED_LENGTH || folded.length() != token.surface().length()) {
            return null;
        }
        for (int p = ArabicMorphology.MIN_STEM; p <= folded.length() - 4; p++) {
            if (folded.charAt(p) != '\u0627' || folded.charAt(p + 1) != '\u0644') {
                continue;
            }
            String head = folded.substring(0, p);
            for (String form : ArabicMorphology.bareForms(head)) {
                for (Alias alias : gazetteer.startingWith(form)) {
                    if (alias.tokens().size() == 1 && !alias.needsArticle() && !alias.entity().stop()) {
                        return new Candidate(alias, field.name(), i, i, token.start(), token.start() + p,
                                head.length() - form.length(), false, 0.8, "glued");
                    }
                }
                if (form.length() >= MIN_FUZZY_LENGTH) {
                    Optional<Alias> known = gazetteer.bySkeleton(Gazetteer.skeleton(form));
                    if (known.isPresent() && closeInLength(form, known.get())) {
                        Alias alias = new Alias(known.get().entity(), List.of(form), Alias.Kind.NAME,
                                known.get().guarded(), false, List.of());
                        return new Candidate(alias, field.name(), i, i, token.start(), token.start() + p,
                                head.length() - form.length(), false, 0.7, "glued-fuzzy");
                    }
                }
            }
        }
        return null;
    }

    /** A transliteration differs by a vowel or two, not by whole syllables (الضبابية is not الدبيبة). */
    private static boolean closeInLength(String form, Alias alias) {
        return Math.abs(form.length() - alias.tokens().get(0).length()) <= 2;
    }

    private static List<Candidate> dropNested(List<Candidate> found) {
        List<Candidate> kept = new ArrayList<>(found.size());
        for (Candidate c : found) {
            boolean drop = false;
            for (Candidate outer : found) {
                if (!c.inside(outer)) {
                    continue;
                }
                Entity o = outer.alias().entity();
                Entity e = c.alias().entity();
                if (o.stop() || o.id().equals(e.id()) || (e.id().equals("SAHEL") && o.type().equals("org"))) {
                    drop = true;
                    break;
                }
            }
            if (!drop && !c.alias().entity().stop()) {
                kept.add(c);
            }
        }
        return kept;
    }

    private List<EntityHit> hits(List<ContextRules.Decision> decisions) {
        Map<String, List<Mention>> byEntity = new LinkedHashMap<>();
        for (ContextRules.Decision d : decisions) {
            Candidate c = d.candidate();
            String text = d.field().text().substring(c.start(), c.end());
            byEntity.computeIfAbsent(d.entityId(), k -> new ArrayList<>())
                    .add(new Mention(c.field(), c.start(), c.end(), text, d.confidence(), d.reason()));
            if (!d.entityId().equals(c.entityId())) {
                continue;
            }
            for (String implied : c.alias().implied()) {
                byEntity.computeIfAbsent(implied, k -> new ArrayList<>())
                        .add(new Mention(c.field(), c.start(), c.end(), text, Math.min(0.9, d.confidence()),
                                "implied"));
            }
        }
        List<EntityHit> hits = new ArrayList<>(byEntity.size());
        byEntity.forEach((id, mentions) -> {
            Entity e = gazetteer.entity(id).orElseThrow(() -> new IllegalStateException(
                    "context rules named entity " + id + ", which the gazetteer lacks; add it to the gazetteer"));
            hits.add(new EntityHit(e.id(), e.labelEn(), e.side(), e.type(), mentions));
        });
        return hits;
    }
}
