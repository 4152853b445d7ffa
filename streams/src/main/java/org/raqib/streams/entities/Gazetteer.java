package org.raqib.streams.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.raqib.streams.text.TextAnalyzer;
import org.raqib.streams.text.Token;

/**
 * The storyline's entities and every alias they are written with, indexed for lookup by folded token.
 *
 * <p>The file is UTF-8 TSV, one entity a line, {@code #} starts a comment line. Columns: {@code id}, {@code type},
 * {@code side}, {@code label_en}, {@code label_ar}, {@code aliases}, {@code gentilics}, {@code note}. Aliases and
 * gentilics are separated by {@code |} and may be in any script; the Arabic label is an alias too. An alias
 * starting with {@code ?} is ambiguous: it counts only when the entity's context rule accepts it (see
 * {@link EntityRecognizer}). An alias ending in {@code >ID} also names entity {@code ID}. A gentilic is the masculine
 * singular (ليبي); its feminine and plural forms are generated. Lines of type {@code stop} (side {@code none})
 * list phrases that name no storyline entity and hide the aliases inside them (نهر النيجر is not Niger). Ids are the
 * contract with labelled data and must stay stable. A one-word person or organisation alias starting with {@code ~} is a
 * foreign name: words with its consonant skeleton ({@link #skeleton}) count as unseen transliterations of it.
 * Immutable and thread-safe once loaded.
 */
public final class Gazetteer {

    private static final String DEFAULT_RESOURCE = "gazetteer.tsv";
    private static final Set<String> TYPES = Set.of("country", "city", "region", "place", "org", "person", "stop");
    private static final Set<String> SIDES = Set.of("libya", "sahel", "russia", "external", "none");
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final String[] GENTILIC_ENDINGS = {"", "\u0647", "\u064A\u0646", "\u0648\u0646", "\u0627\u0646",
        "\u0627\u062A"};
    /** Skeletons shorter than this are kept only for words glued to the next one. */
    static final int MIN_SKELETON = 4;
    private static final int MIN_GLUED_SKELETON = 3;
    /** {@link #skeletonChar} of a long vowel, which skeletons leave out. */
    private static final char DROPPED = '\u0000';
    /** {@link #skeletonChar} of a letter outside Arabic script: the word has no skeleton. */
    private static final char NOT_ARABIC = '\uFFFF';
    private static final int FILTER_BITS = 1 << 16;

    private final List<Entity> entities;
    private final Map<String, Entity> byId;
    private final Map<String, List<Alias>> byFirstToken;
    /**
     * A Bloom filter with one hash over {@link #byFirstToken}'s keys. Most words of a text start no alias; this 8 KB
     * of bits stays in the CPU cache and turns away all but 1% of them (the bundled gazetteer sets 643 of 65,536
     * bits) before a probe of the map reads its keys from memory. 35 → 16 ns per look-up of corpus words.
     */
    private final long[] firstTokenFilter = new long[FILTER_BITS / Long.SIZE];
    private final Map<String, Alias> bySkeleton;
    private final String skeletonStarts;

    private Gazetteer(List<Entity> entities, Map<String, List<Alias>> byFirstToken, Map<String, Alias> bySkeleton) {
        this.entities = List.copyOf(entities);
        Map<String, Entity> ids = new LinkedHashMap<>();
        entities.forEach(e -> ids.put(e.id(), e));
        this.byId = Map.copyOf(ids);
        Map<String, List<Alias>> index = new HashMap<>();
        byFirstToken.forEach((k, v) -> index.put(k, List.copyOf(v)));
        this.byFirstToken = Map.copyOf(index);
        for (String key : index.keySet()) {
            int bit = filterBit(key);
            firstTokenFilter[bit >>> 6] |= 1L << bit;
        }
        this.bySkeleton = Map.copyOf(bySkeleton);
        StringBuilder starts = new StringBuilder();
        bySkeleton.keySet().forEach(k -> {
            if (starts.indexOf(String.valueOf(k.charAt(0))) < 0) {
                starts.append(k.charAt(0));
            }
        });
        this.skeletonStarts = starts.toString();
    }

    /** The gazetteer bundled with Raqib ({@code org/raqib/streams/entities/gazetteer.tsv}). */
    public static Gazetteer loadDefault() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled gazetteer " + DEFAULT_RESOURCE
                        + " is missing from the classpath; rebuild raqib-streams");
            }
            return parse("classpath:" + DEFAULT_RESOURCE, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled gazetteer", e);
        }
    }

    /**
     * Loads a gazetteer file.
     *
     * @throws GazetteerException listing every problem in the file
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Gazetteer load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gazetteer " + file + ": " + e.getMessage()
                    + "; check the path and its permissions", e);
        }
    }

    /** Parses gazetteer text; {@code name} is used in problem messages. */
    public static Gazetteer parse(String name, InputStream in) throws IOException {
        TextAnalyzer analyzer = new TextAnalyzer();
        List<String> problems = new ArrayList<>();
        List<Entity> entities = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        Map<String, String> aliasOwner = new HashMap<>();
        Map<String, Integer> aliasLine = new HashMap<>();
        Map<String, List<Alias>> index = new HashMap<>();
        Map<String, Alias> skeletons = new HashMap<>();
        Set<String> ambiguousSkeletons = new java.util.HashSet<>();
        List<String[]> implications = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = name + ":" + lineNo + ": ";
            String[] cols = line.split("\t", -1);
            if (cols.length < 7) {
                problems.add(where + "expected 8 tab-separated columns (id, type, side, label_en, label_ar, aliases,"
                        + " gentilics, note), found " + cols.length);
                continue;
            }
            String id = cols[0].strip();
            String type = cols[1].strip();
            String side = cols[2].strip();
            boolean bad = false;
            if (!ID.matcher(id).matches()) {
                problems.add(where + "id '" + id + "' must be upper-case letters, digits and _");
                bad = true;
            } else if (idLines.containsKey(id)) {
                problems.add(where + "id " + id + " is already defined on line " + idLines.get(id));
                bad = true;
            }
            if (!TYPES.contains(type)) {
                problems.add(where + "unknown type '" + type + "' for " + id + "; use one of " + sorted(TYPES));
                bad = true;
            }
            if (!SIDES.contains(side)) {
                problems.add(where + "unknown side '" + side + "' for " + id + "; use one of " + sorted(SIDES));
                bad = true;
            } else if (type.equals("stop") != side.equals("none")) {
                problems.add(where + id + ": side 'none' goes with type 'stop' and only with it");
                bad = true;
            }
            if (bad) {
                continue;
            }
            idLines.put(id, lineNo);
            Entity entity = new Entity(id, type, side, cols[3].strip(), cols[4].strip());
            entities.add(entity);
            // aliases first, so that an alias repeating the label with a ? marks the label ambiguous too
            List<String> names = new ArrayList<>(split(cols[5]));
            if (!entity.labelAr().isEmpty()) {
                names.add(entity.labelAr());
            }
            if (names.isEmpty()) {
                problems.add(where + id + " has no Arabic label and no alias; give it at least one name");
            }
            for (String raw : names) {
                boolean guarded = false;
                boolean foreign = false;
                String text = raw;
                while (text.startsWith("?") || text.startsWith("~")) {
                    guarded |= text.charAt(0) == '?';
                    foreign |= text.charAt(0) == '~';
                    text = text.substring(1);
                }
                List<String> implied = new ArrayList<>();
                int gt = text.indexOf('>');
                if (gt >= 0) {
                    for (String other : text.substring(gt + 1).split(",")) {
                        implied.add(other.strip());
                        implications.add(new String[] {where, other.strip()});
                    }
                    text = text.substring(0, gt);
                }
                List<String> folded = folded(analyzer, text);
                if (folded.isEmpty()) {
                    problems.add(where + id + ": alias '" + raw + "' has no letters or digits");
                    continue;
                }
                String key = String.join(" ", folded);
                String owner = aliasOwner.get(key);
                if (owner != null && !owner.equals(id)) {
                    problems.add(where + "alias '" + text + "' of " + id + " is already an alias of " + owner
                            + " (line " + aliasLine.get(key) + "); an alias must name one entity, mark it ?ambiguous"
                            + " on one entity and let its context rule decide");
                    continue;
                }
                if (owner != null) {
                    continue;
                }
                aliasOwner.put(key, id);
                aliasLine.put(key, lineNo);
                Alias alias = new Alias(entity, folded, Alias.Kind.NAME, guarded, false, implied);
                addAlias(index, alias);
                if (folded.size() > 1 && isArabic(key)) {
                    // news writes some two-word names as one word: بوركينافاسو
                    String glued = String.join("", folded);
                    if (!aliasOwner.containsKey(glued)) {
                        addAlias(index, new Alias(entity, List.of(glued), Alias.Kind.NAME, guarded, false, implied));
                    }
                }
                if (foreign && (folded.size() != 1 || !(type.equals("person") || type.equals("org")))) {
                    problems.add(where + id + ": ~ (tolerant transliteration) is for one-word person or organisation"
                            + " names, not '" + text + "'");
                }
                if (foreign && folded.size() == 1) {
                    String skeleton = skeleton(folded.get(0));
                    if (skeleton.length() >= MIN_GLUED_SKELETON) {
                        Alias previous = skeletons.putIfAbsent(skeleton, alias);
                        if (previous != null && previous.entity() != entity) {
                            ambiguousSkeletons.add(skeleton);
                        }
                    }
                }
            }
            for (String raw : split(cols[6])) {
                boolean guarded = raw.startsWith("?");
                List<String> folded = folded(analyzer, guarded ? raw.substring(1) : raw);
                if (folded.size() != 1) {
                    problems.add(where + id + ": gentilic '" + raw + "' must be one word (the masculine singular)");
                    continue;
                }
                String stem = folded.get(0).startsWith("\u0627\u0644") ? folded.get(0).substring(2) : folded.get(0);
                for (String ending : GENTILIC_ENDINGS) {
                    String form = stem + ending;
                    String owner = aliasOwner.get(form);
                    if (owner != null && !owner.equals(id)) {
                        problems.add(where + "gentilic form '" + form + "' of " + id + " is already an alias of "
                                + owner + " (line " + aliasLine.get(form) + "); mark it ?ambiguous on one entity");
                        continue;
                    }
                    if (owner == null) {
                        aliasOwner.put(form, id);
                        aliasLine.put(form, lineNo);
                        addAlias(index, new Alias(entity, List.of(form), Alias.Kind.GENTILIC, guarded, false,
                                List.of()));
                    }
                }
            }
        }
        for (String[] implication : implications) {
            if (!idLines.containsKey(implication[1])) {
                problems.add(implication[0] + "alias implies unknown entity id '" + implication[1] + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new GazetteerException(problems);
        }
        ambiguousSkeletons.forEach(skeletons::remove);
        return new Gazetteer(entities, index, skeletons);
    }

    private static void addAlias(Map<String, List<Alias>> index, Alias alias) {
        String first = alias.tokens().get(0);
        index.computeIfAbsent(first, k -> new ArrayList<>()).add(alias);
        if (first.startsWith("\u0627\u0644") && first.length() - 2 >= 3) {
            // the stem without ال, reachable only from words that carried the article (للنيجر, بالنيجر)
            Alias stem = new Alias(alias.entity(), withFirst(alias.tokens(), first.substring(2)), alias.kind(),
                    alias.guarded(), true, alias.implied());
            index.computeIfAbsent(first.substring(2), k -> new ArrayList<>()).add(stem);
        }
    }

    private static List<String> withFirst(List<String> tokens, String first) {
        List<String> copy = new ArrayList<>(tokens);
        copy.set(0, first);
        return copy;
    }

    private static List<String> folded(TextAnalyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        for (Token token : analyzer.tokens(text)) {
            out.add(token.folded());
        }
        return out;
    }

    private static List<String> split(String column) {
        List<String> out = new ArrayList<>();
        for (String part : column.split("\\|")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static boolean isArabic(String s) {
        return !s.isEmpty() && org.raqib.streams.text.TextFolding.isArabic(s.charAt(0));
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    /**
     * The consonant skeleton of a folded Arabic word, for tolerant matching of transliterated names: long vowels
     * and hamza seats dropped, letters that render one foreign sound merged (g as غ/ج/ق/ك, t as ت/ط, s as س/ص/ث,
     * d as د/ض/ذ, z as ز/ظ, h as ه/ح). Empty for non-Arabic words.
     */
    public static String skeleton(String folded) {
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = skeletonChar(folded.charAt(i));
            if (c == NOT_ARABIC) {
                return "";
            }
            if (c != DROPPED) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A folded letter's consonant class in a skeleton, {@link #DROPPED} for long vowels, {@link #NOT_ARABIC}. */
    private static char skeletonChar(char c) {
        return switch (c) {
            case '\u0627', '\u0648', '\u064A' -> DROPPED;
            case '\u063A', '\u062C', '\u0642', '\u0643' -> 'g';
            case '\u062A', '\u0637' -> 't';
            case '\u0633', '\u0635', '\u062B' -> 's';
            case '\u062F', '\u0636', '\u0630' -> 'd';
            case '\u0632', '\u0638' -> 'z';
            case '\u0647', '\u062D' -> 'h';
            default -> org.raqib.streams.text.TextFolding.isArabic(c) ? c : NOT_ARABIC;
        };
    }

    /**
     * Whether some foreign name's skeleton starts like this word's would; a cheap test before computing the
     * skeleton of every long word. The same answer as taking the skeleton of the first three letters, without
     * building it: this runs for most long words of every article.
     */
    boolean maySoundLikeForeignName(String folded) {
        char first = DROPPED;
        for (int i = 0; i < Math.min(3, folded.length()); i++) {
            char c = skeletonChar(folded.charAt(i));
            if (c == NOT_ARABIC) {
                return false;
            }
            if (first == DROPPED) {
                first = c;
            }
        }
        return first != DROPPED && skeletonStarts.indexOf(first) >= 0;
    }

    /** Every entity and stop phrase, in file order. */
    public List<Entity> entities() {
        return entities;
    }

    /** The entity with this id. */
    public Optional<Entity> entity(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Aliases whose first folded token is {@code folded}, in file order; empty when none. */
    List<Alias> startingWith(String folded) {
        int bit = filterBit(folded);
        if ((firstTokenFilter[bit >>> 6] & (1L << bit)) == 0) {
            return List.of();
        }
        return byFirstToken.getOrDefault(folded, List.of());
    }

    private static int filterBit(String key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (FILTER_BITS - 1);
    }

    /**
     * The single-word alias of a person or organisation with this consonant skeleton (at least
     * {@value #MIN_GLUED_SKELETON} consonants; callers ask for more where a false match costs more).
     */
    Optional<Alias> bySkeleton(String skeleton) {
        return Optional.ofNullable(bySkeleton.get(skeleton));
    }
}
