package org.raqib.bench.lucene;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The obvious alternative an engineer would pick for recognising the storyline's entities: Lucene's stock
 * {@link ArabicAnalyzer} (normalisation, stop words, light stemming) over each article in a {@link MemoryIndex},
 * and one phrase query per alias of Raqib's gazetteer (the same aliases, markers stripped), analysed the same way.
 * No disambiguation: an ambiguous alias (مالي) counts wherever it appears. Not thread-safe: one per thread.
 */
public final class LuceneBaseline {

    private static final String FIELD = "text";
    private static final String GAZETTEER = "/org/raqib/streams/entities/gazetteer.tsv";

    /** One alias query and the entity it names. */
    private record AliasQuery(String entityId, String side, Query query) {}

    private final Analyzer analyzer = new ArabicAnalyzer();
    private final List<AliasQuery> queries = new ArrayList<>();

    public LuceneBaseline() {
        try (InputStream in = LuceneBaseline.class.getResourceAsStream(GAZETTEER)) {
            if (in == null) {
                throw new IllegalStateException(GAZETTEER + " is not on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length < 6 || cols[1].equals("stop")) {
                    continue;
                }
                Set<String> aliases = new LinkedHashSet<>();
                aliases.add(cols[4]);
                for (String alias : cols[5].split("\\|")) {
                    aliases.add(alias);
                }
                if (cols.length > 6) {
                    for (String gentilic : cols[6].split("\\|")) {
                        aliases.add(gentilic);
                    }
                }
                for (String alias : aliases) {
                    String clean = alias.replaceFirst("^[?~]", "").replaceFirst(">[A-Z_]+$", "").strip();
                    query(clean).ifPresent(q -> queries.add(new AliasQuery(cols[0], cols[2], q)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + GAZETTEER, e);
        }
    }

    /** Number of alias queries run per article. */
    public int queryCount() {
        return queries.size();
    }

    /** The ids of the entities whose alias phrases occur in the title or text. */
    public Set<String> recognise(String title, String body) {
        MemoryIndex index = new MemoryIndex();
        index.addField(FIELD, title + "\n" + body, analyzer);
        Set<String> found = new LinkedHashSet<>();
        for (AliasQuery q : queries) {
            if (!found.contains(q.entityId()) && index.search(q.query()) > 0) {
                found.add(q.entityId());
            }
        }
        return found;
    }

    /** The storyline decision the baseline can make: a Libyan-side and a Sahel-side entity in one article. */
    public boolean inStoryline(Set<String> found) {
        boolean libya = false;
        boolean sahel = false;
        for (AliasQuery q : queries) {
            if (found.contains(q.entityId())) {
                libya |= q.side().equals("libya");
                sahel |= q.side().equals("sahel");
            }
        }
        return libya && sahel;
    }

    private java.util.Optional<Query> query(String alias) throws IOException {
        List<String> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(FIELD, alias)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                // Stop words leave gaps in positions; the phrase keeps them, as the indexed text does.
                position += increment.getPositionIncrement();
                terms.add(term.toString());
                positions.add(position);
            }
            stream.end();
        }
        if (terms.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (terms.size() == 1) {
            return java.util.Optional.of(new TermQuery(new Term(FIELD, terms.get(0))));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            phrase.add(new Term(FIELD, terms.get(i)), positions.get(i));
        }
        return java.util.Optional.of(phrase.build());
    }
}
