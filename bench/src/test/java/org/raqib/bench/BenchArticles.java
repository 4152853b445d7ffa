package org.raqib.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.raqib.core.model.Article;

/** A few short Arabic articles, half in the storyline, for the benchmark engines' tests. */
public final class BenchArticles {

    private static final List<String[]> TEXTS = List.of(
            new String[] {"وفد من بنغازي يزور نيامي",
                    "وصل وفد عسكري من القيادة العامة في بنغازي إلى نيامي لبحث التعاون مع المجلس العسكري في النيجر."},
            new String[] {"أسعار النفط ترتفع", "ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد قرار أوبك."},
            new String[] {"صدام حفتر في باماكو",
                    "التقى صدام حفتر رئيس المجلس العسكري في مالي آصيمي غويتا في باماكو لبحث أمن الحدود والتهريب."},
            new String[] {"دعم مالي للشركات", "أعلنت الحكومة عن دعم مالي جديد للشركات الصغيرة والمتوسطة."});

    private BenchArticles() {}

    /** {@code count} articles cycling through the texts, with distinct ids. */
    public static List<Article> of(int count) {
        List<Article> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] text = TEXTS.get(i % TEXTS.size());
            articles.add(new Article("bench-" + i, "test", "test", "https://example.com/" + i, text[0], "", text[1],
                    "ar", Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-01T10:05:00Z")));
        }
        return articles;
    }
}
