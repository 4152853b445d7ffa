package org.raqib.streams.entities;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.raqib.streams.text.TextFolding;
import org.raqib.streams.text.Token;

/**
 * Decides the ambiguous aliases (those marked {@code ?} in the gazetteer) from their neighbours and from the other
 * entities the article names without ambiguity. Unambiguous aliases pass unchanged.
 *
 * <ul>
 *   <li>ML: bare مالي is Mali after a preposition or a place noun (في، إلى، من، دولة، شمال…), with ب or ل glued
 *       on, at the start of a sentence or clause, or next to another country; otherwise (دعم مالي، عجز مالي،
 *       عسكري ومالي) it is 'financial'. المالي/المالية is Malian after a state or people noun (الجيش، الرئيس،
 *       العاصمة، وزير الدفاع…), never after a financial one; the plurals الماليون/الماليين are Malians at a
 *       clause start, after such a noun, or with other Sahel entities named.</li>
 *   <li>SAHEL: الساحل is the Sahel unless followed by an adjective of place (الساحل الشمالي، السوري، الليبي) or
 *       preceded by a coast word (قبالة، شواطئ), and only with another Sahel or Russian military entity named.</li>
 *   <li>TRIPOLI: طرابلس is Libya's capital unless followed by لبنان/اللبنانية, or Lebanon is named in the article
 *       and nothing else Libyan is.</li>
 *   <li>NG: النيجيري/النيجيرية is Nigerian by default and Nigerien when the article names Niger (its capital, its
 *       junta, its ministers) and nothing about Nigeria.</li>
 *   <li>MODY: مودي is Salifou Mody only with Niger named and India not.</li>
 *   <li>TRAORE: تراوري alone is Ibrahim Traoré only with Burkina Faso named and no other given name before it.</li>
 *   <li>NE_JUNTA: المجلس العسكري alone is Niger's junta when Niger or Niamey follows in the sentence, or the
 *       article's only junta country is Niger.</li>
 *   <li>KHALIFA_HAFTAR: حفتر alone is the nearest preceding Haftar named in full, else Khalifa.</li>
 *   <li>LNA: الجيش الليبي alone is the eastern command's army when the eastern command is in context.</li>
 *   <li>HOR, PRES_COUNCIL: مجلس النواب, المجلس الرئاسي count with other Libyan entities and no other country's
 *       adjective after them.</li>
 *   <li>Any other ambiguous alias counts when another entity of the same side is named.</li>
 * </ul>
 */
final class ContextRules {

    /** The verdict on one candidate: which entity it names, how sure, and why. */
    record Decision(Candidate candidate, FieldText field, String entityId, double confidence, String reason) {
    }

    private static final Set<String> COUNTRY_PRECEDERS = folded("في", "إلى", "الى", "من", "عن", "مع", "دولة",
            "جمهورية", "شمال", "جنوب", "وسط", "شرق", "غرب", "شمالي", "جنوبي", "حكومة", "رئيس", "جيش", "جيوش",
            "حدود", "عاصمة", "سلطات", "بخصوص", "وبخصوص", "داخل", "خارج", "أراضي", "حول", "بين", "نحو", "تجاه",
            "سفير", "سفارة", "شعب", "دول", "مثل", "لدى", "أزمة", "انقلاب", "وفي", "ومن", "وإلى", "والى", "بلدان",
            "زيارة", "قوات", "مناطق", "منطقة", "حدودية", "أجواء", "مطار", "ومع", "تجاه", "إلي");
    /** Nouns after which المالي/المالية is Malian in any article. */
    private static final Set<String> MALIAN_HEADS = folded("الجيش", "الرئيس", "العاصمة", "الشعب", "نظيره", "نظيرها",
            "نظيرهم", "الانقلاب", "الدفاع", "الخارجية", "الداخلية", "الفنانة", "الفنان", "المغني", "المغنية",
            "المنتخب", "النقيب", "العقيد", "الكولونيل", "الأراضي", "الحدود", "البرلمان", "الرئاسة", "الإقليم",
            "الجنرال", "الجنود", "الجارة", "الانتقالي", "الانتقالية", "الجيوش", "جيش", "رئيس");
    /** Nouns after which المالي/المالية is Malian only in an article about the Sahel (السلطات المالية is often
     * 'the financial authorities'). */
    private static final Set<String> WEAK_MALIAN_HEADS = folded("المجلس", "الحكومة", "السلطات", "القوات", "الجانب",
            "النظام", "الوزير", "اللاعب", "الدولة", "المعارضة", "المواطن", "الشمال", "الجنوب", "الوسط",
            "التلفزيون", "الإعلام", "الأمن", "المسؤول", "المسؤولين", "الشريك", "الحليف", "الطرف", "الوفد",
            "الحدودية", "النظيرين", "الحكومي", "المتحدث", "الناطق", "العسكري");
    private static final Set<String> PEOPLE_NOUNS = folded("لاجئين", "لاجئون", "مواطنين", "مواطنون", "جنود",
            "عسكريين", "مسؤولين", "مقاتلين", "مهاجرين", "ضباط", "رعايا", "مسلحين");
    private static final Set<String> COAST_PRECEDERS = folded("قبالة", "شواطئ", "شاطئ", "طول", "امتداد", "سواحل",
            "مدن", "شط", "على", "وعلى", "الشمال", "الجنوب", "الوسط", "بحر", "البحر");
    private static final Set<String> CORE_SAHEL_IDS = Set.of("NE", "ML", "BF", "TD", "AES", "NE_JUNTA", "JNIM",
            "IS_SAHEL", "NIAMEY", "BAMAKO", "OUAGADOUGOU", "NDJAMENA", "GOITA", "TIANI", "TRAORE", "AGADEZ", "KIDAL",
            "GAO", "TIMBUKTU", "MADAMA", "DIRKOU", "SALVADOR_PASS", "FACT", "DEBY", "BAZOUM", "MODY", "ZEINE",
            "TOUMBA", "AGADEM");
    private static final Set<String> AFRICAN = folded("الأفريقي", "الأفريقية", "الإفريقي", "الإفريقية");
    private static final Set<String> LEBANON_NEXT = folded("لبنان", "اللبنانية", "اللبناني");
    private static final Set<String> LEBANON_CUES = folded("لبنان", "اللبناني", "اللبنانية", "اللبنانيين",
            "اللبنانيون", "بيروت", "صيدا", "عكار", "صور", "زحلة", "حزب الله");
    private static final Set<String> NIGERIA_CUES = folded("أبوجا", "لاغوس", "تينوبو", "بخاري", "بوخاري", "كانو",
            "بوكو", "بولا");
    private static final Set<String> INDIA_CUES = folded("الهند", "الهندي", "الهندية", "نيودلهي", "دلهي", "ناريندرا",
            "ناريندر", "بهاراتيا");
    private static final Set<String> OTHER_GIVEN_NAMES = folded("روكيا", "أداما", "آداما", "أمادو", "مامادو", "موسى",
            "عيسى", "عمر", "سيدو", "باكاري", "عائشة", "فاتوماتا", "أميناتا", "مريم", "عبدولاي", "سليمان", "يوسف",
            "علي", "محمد", "أحمد", "إدريس", "حمادو", "بوبكر", "سيكو", "كادي", "عثمان", "موديبو", "ديارا", "بابا",
            "لاسانا", "شيخ", "الشيخ", "أبوبكر", "مصطفى", "ماماتو", "أوسمان", "بكاري", "جبريل", "ياكوبا");
    private static final Set<String> NIGER_IDS = Set.of("NE", "NIAMEY", "NE_JUNTA", "TIANI", "ZEINE", "TOUMBA",
            "BAZOUM", "AGADEZ", "AGADEM", "MADAMA", "DIRKOU", "MODY");
    private static final Set<String> OTHER_JUNTA_IDS = Set.of("ML", "BF", "SD", "BAMAKO", "OUAGADOUGOU", "GOITA",
            "TRAORE");
    private static final Set<String> BURKINA_IDS = Set.of("BF", "OUAGADOUGOU");
    private static final Set<String> CHAD_IDS = Set.of("TD", "NDJAMENA", "FACT");
    private static final Set<String> EAST_IDS = Set.of("KHALIFA_HAFTAR", "SADDAM_HAFTAR", "KHALED_HAFTAR",
            "BELGASSEM_HAFTAR", "BENGHAZI", "TOBRUK", "EAST_GOV", "HOR", "LNA", "AGUILA_SALEH", "OSAMA_HAMMAD",
            "BRIGADE_128", "TBZ_BRIGADE");
    private static final Set<String> HAFTARS = Set.of("KHALIFA_HAFTAR", "SADDAM_HAFTAR", "KHALED_HAFTAR",
            "BELGASSEM_HAFTAR");
    private static final Set<String> RUSSIAN_MILITARY = Set.of("WAGNER", "AFRICA_CORPS", "REDUT", "CONVOY",
            "RU_MOD", "YEVKUROV");
    private static final Set<String> MUSIC_CUES = folded("موسيقى", "الموسيقى", "الموسيقار", "موسيقار",
            "الأوبرا", "أوبرا", "الأوركسترا", "أوركسترا", "السيمفوني", "سيمفونية", "مقطوعات", "الملحن", "ريتشارد");
    private static final Set<String> OTHER_COMMANDS = folded("للجيش", "لشرطة", "للشرطة", "للأمن", "للدرك",
            "للحرس");
    private static final String COMMAND = TextFolding.fold("قيادة");
    private static final Set<String> FATHER_DEBY = Set.of(TextFolding.fold("إدريس") + " " + TextFolding.fold("ديبي"));
    private static final String IN = TextFolding.fold("في");
    private static final String MALI = TextFolding.fold("مالي");
    private static final String ARTICLE = "\u0627\u0644";

    private final Gazetteer gazetteer;

    ContextRules(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Judges every candidate, in order; candidates that do not count are left out. */
    List<Decision> decide(List<Candidate> candidates, FieldText title, FieldText body) {
        Set<String> present = new HashSet<>();
        boolean guardedHaftar = false;
        for (Candidate c : candidates) {
            if (!c.alias().guarded() && !tolerant(c)) {
                present.add(c.entityId());
                present.addAll(c.alias().implied());
            } else if (c.entityId().equals("KHALIFA_HAFTAR")) {
                guardedHaftar = true;
            }
        }
        Context context = new Context(present, title, body, guardedHaftar);
        List<Decision> decisions = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            FieldText field = c.field().equals(EntityRecognizer.TITLE) ? title : body;
            if (tolerant(c) && !context.storylineNamedBesides(c.entityId())) {
                // a spelling we have never seen counts only in an article that is about the storyline already
                continue;
            }
            if (!c.alias().guarded()) {
                decisions.add(new Decision(c, field, c.entityId(), c.confidence(), c.reason()));
                continue;
            }
            judge(c, field, context, decisions).ifPresent(decisions::add);
        }
        return decisions;
    }

    private static boolean tolerant(Candidate c) {
        return c.reason().equals("fuzzy") || c.reason().equals("glued-fuzzy");
    }

    private Optional<Decision> judge(Candidate c, FieldText f, Context ctx, List<Decision> earlier) {
        String prev = f.previous(c.first());
        String next = f.next(c.last());
        Token token = f.tokens().get(c.first());
        String stem = token.folded().substring(c.prefixLength());
        return switch (c.entityId()) {
            case "ML" -> mali(c, f, ctx, prev, stem);
            case "SAHEL" -> {
                boolean coast = (next.startsWith(ARTICLE) && (next.endsWith("\u064A") || next.endsWith("\u064A\u0647"))
                        && !AFRICAN.contains(next)) || COAST_PRECEDERS.contains(prev);
                boolean context = ctx.any(CORE_SAHEL_IDS) || ctx.any(RUSSIAN_MILITARY);
                yield !coast && context ? accept(c, f, "SAHEL", 0.8, "sahel-context") : Optional.empty();
            }
            case "TRIPOLI" -> {
                if (LEBANON_NEXT.contains(next)) {
                    yield Optional.empty();
                }
                boolean libya = ctx.present.stream().anyMatch(id -> !id.equals("TRIPOLI")
                        && ctx.sideOf(id).equals("libya"));
                if (!libya && ctx.mentions(LEBANON_CUES)) {
                    yield Optional.empty();
                }
                yield accept(c, f, "TRIPOLI", libya ? 0.95 : 0.85, libya ? "libya-context" : "usual-sense");
            }
            case "NG" -> {
                boolean niger = ctx.any(NIGER_IDS);
                boolean nigeria = ctx.present.contains("NG") || ctx.mentions(NIGERIA_CUES);
                yield niger && !nigeria ? accept(c, f, "NE", 0.8, "niger-context")
                        : accept(c, f, "NG", 0.85, "usual-sense");
            }
            case "MODY" -> ctx.any(NIGER_IDS) && !ctx.mentions(INDIA_CUES)
                    ? accept(c, f, "MODY", 0.8, "niger-context") : Optional.empty();
            case "TRAORE" -> (ctx.any(BURKINA_IDS) || ctx.present.contains("AES")) && !OTHER_GIVEN_NAMES.contains(prev)
                    ? accept(c, f, "TRAORE", 0.8, "burkina-context") : Optional.empty();
            case "NE_JUNTA" -> {
                if (nigerFollows(f, c.last())) {
                    yield accept(c, f, "NE_JUNTA", 0.9, "niger-named");
                }
                // followed by somewhere else (بمدينة ترهونة، في مالي) it is that place's council
                boolean elsewhere = next.startsWith("\u0628") || next.equals(IN);
                yield ctx.any(NIGER_IDS) && !ctx.any(OTHER_JUNTA_IDS) && !elsewhere
                        ? accept(c, f, "NE_JUNTA", 0.75, "niger-context") : Optional.empty();
            }
            case "KHALIFA_HAFTAR" -> Optional.of(haftar(c, f, earlier, ctx));
            case "LNA" -> {
                // القيادة العامة is any general command (of Dubai's police, of Sudan's army); the army alone may be
                // Tripoli's forces: both need the eastern command or, for the command, Libya in context
                boolean east = ctx.any(EAST_IDS) || ctx.guardedHaftar;
                boolean command = c.alias().tokens().get(0).endsWith(COMMAND);
                yield east || (command && ctx.sameSide(c) && !OTHER_COMMANDS.contains(next))
                        ? accept(c, f, "LNA", 0.8, "eastern-context") : Optional.empty();
            }
            case "WAGNER" -> ctx.mentions(MUSIC_CUES) && !ctx.storylineNamed()
                    ? Optional.empty() : accept(c, f, "WAGNER", 0.9, "no-music-context");
            case "HOR", "PRES_COUNCIL" -> {
                boolean foreign = next.startsWith(ARTICLE) && next.endsWith("\u064A")
                        && !next.equals(TextFolding.fold("الليبي"));
                yield !foreign && ctx.sameSide(c) ? accept(c, f, c.entityId(), 0.8, "libya-context")
                        : Optional.empty();
            }
            case "DEBY" -> ctx.any(CHAD_IDS) && (ctx.present.contains("DEBY") || !ctx.mentions(FATHER_DEBY))
                    ? accept(c, f, "DEBY", 0.8, "chad-context") : Optional.empty();
            default -> ctx.sameSide(c) ? accept(c, f, c.entityId(), 0.7, "same-side-context") : Optional.empty();
        };
    }

    private Optional<Decision> mali(Candidate c, FieldText f, Context ctx, String prev, String stem) {
        boolean sahel = ctx.present.stream().anyMatch(id -> !id.equals("ML") && CORE_SAHEL_IDS.contains(id))
                || ctx.any(RUSSIAN_MILITARY);
        boolean clauseStart = f.breakBefore()[c.first()];
        String prefix = f.tokens().get(c.first()).folded().substring(0, c.prefixLength());
        if (!c.hadArticle()) {
            if (stem.equals(MALI)) {
                boolean preposition = prefix.indexOf('\u0628') >= 0 || prefix.indexOf('\u0644') >= 0;
                boolean country = COUNTRY_PRECEDERS.contains(prev) || clauseStart || preposition
                        || nextToCountry(f, c, ctx);
                return country ? accept(c, f, "ML", 0.9, "country-context") : Optional.empty();
            }
            boolean people = stem.length() > MALI.length() && !stem.endsWith("\u0647") && PEOPLE_NOUNS.contains(prev);
            return people && sahel ? accept(c, f, "ML", 0.8, "sahel-context") : Optional.empty();
        }
        if (MALIAN_HEADS.contains(prev)) {
            return accept(c, f, "ML", 0.9, "malian-context");
        }
        if (sahel && WEAK_MALIAN_HEADS.contains(prev)) {
            return accept(c, f, "ML", 0.8, "malian-context");
        }
        boolean plural = stem.length() > MALI.length() && !stem.endsWith("\u0647");
        if (plural && (clauseStart || sahel)) {
            return accept(c, f, "ML", 0.85, "malian-context");
        }
        return Optional.empty();
    }

    /** Whether a neighbouring word is another country (an enumeration: النيجر ومالي وبوركينا فاسو). */
    private static boolean nextToCountry(FieldText f, Candidate c, Context ctx) {
        return ctx.countryTokenAt(f, c.first() - 1) || ctx.countryTokenAt(f, c.last() + 1);
    }

    private static boolean nigerFollows(FieldText f, int last) {
        List<Token> tokens = f.tokens();
        for (int i = last + 1; i < Math.min(tokens.size(), last + 5); i++) {
            if (f.sentence()[i] != f.sentence()[last]) {
                return false;
            }
            for (String form : tokens.get(i).bareForms()) {
                if (NIGER_WORDS.contains(form)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Set<String> NIGER_WORDS = folded("النيجر", "نيامي", "النيجري", "النيجيري");

    private static Decision haftar(Candidate c, FieldText f, List<Decision> earlier, Context ctx) {
        Decision nearest = null;
        for (Decision d : earlier) {
            if (HAFTARS.contains(d.entityId()) && !d.candidate().alias().guarded()) {
                nearest = d;
            }
        }
        if (nearest != null) {
            return new Decision(c, f, nearest.entityId(), 0.85, "nearest-haftar");
        }
        for (String id : List.of("SADDAM_HAFTAR", "KHALED_HAFTAR", "BELGASSEM_HAFTAR")) {
            if (ctx.present.contains(id) && !ctx.present.contains("KHALIFA_HAFTAR")) {
                return new Decision(c, f, id, 0.7, "only-haftar-named");
            }
        }
        return new Decision(c, f, "KHALIFA_HAFTAR", 0.85, "family-name");
    }

    private static Optional<Decision> accept(Candidate c, FieldText f, String id, double confidence, String reason) {
        return Optional.of(new Decision(c, f, id, confidence, reason));
    }

    private static Set<String> folded(String... words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            out.add(TextFolding.fold(w));
        }
        return Set.copyOf(out);
    }

    /** What the article names without ambiguity, and its words for cue lookups (built on first use). */
    private final class Context {
        private final Set<String> present;
        private final FieldText title;
        private final FieldText body;
        private final boolean guardedHaftar;
        private Set<String> words;

        Context(Set<String> present, FieldText title, FieldText body, boolean guardedHaftar) {
            this.present = present;
            this.title = title;
            this.body = body;
            this.guardedHaftar = guardedHaftar;
        }

        boolean any(Set<String> ids) {
            for (String id : ids) {
                if (present.contains(id)) {
                    return true;
                }
            }
            return false;
        }

        String sideOf(String id) {
            return gazetteer.entity(id).map(Entity::side).orElse("external");
        }

        boolean sameSide(Candidate c) {
            String side = c.alias().entity().side();
            return present.stream().anyMatch(id -> !id.equals(c.entityId()) && sideOf(id).equals(side));
        }

        boolean mentions(Set<String> cues) {
            if (words == null) {
                words = new HashSet<>();
                for (FieldText f : List.of(title, body)) {
                    List<Token> tokens = f.tokens();
                    for (int i = 0; i < tokens.size(); i++) {
                        words.addAll(tokens.get(i).bareForms());
                        if (i + 1 < tokens.size()) {
                            words.add(tokens.get(i).folded() + " " + tokens.get(i + 1).folded());
                        }
                    }
                }
            }
            for (String cue : cues) {
                if (words.contains(cue)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether an entity of the storyline's sides other than Wagner is named without ambiguity. */
        boolean storylineNamed() {
            return present.stream().anyMatch(id -> !id.equals("WAGNER") && !sideOf(id).equals("external"));
        }

        boolean storylineNamedBesides(String entityId) {
            return present.stream().anyMatch(id -> !id.equals(entityId) && !sideOf(id).equals("external"));
        }

        boolean countryTokenAt(FieldText f, int i) {
            if (i < 0 || i >= f.tokens().size()) {
                return false;
            }
            for (String form : f.tokens().get(i).bareForms()) {
                if (COUNTRY_WORDS.contains(form)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Set<String> COUNTRY_WORDS = folded("النيجر", "نيجر", "تشاد", "ليبيا", "بوركينا", "فاسو",
            "السودان", "سودان", "الجزائر", "جزائر", "موريتانيا", "السنغال", "سنغال", "غينيا", "بنين", "توغو",
            "نيجيريا", "المغرب", "مغرب", "تونس", "مصر", "بوركينافاسو");
}
