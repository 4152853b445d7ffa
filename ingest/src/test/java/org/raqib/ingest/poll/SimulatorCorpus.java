package org.raqib.ingest.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.raqib.core.model.Article;

/** A small generated Arabic corpus for the simulator in tests: a few sources, numbered articles. */
final class SimulatorCorpus {

    private SimulatorCorpus() {}

    static List<Article> of(int sources, int perSource) {
        List<Article> articles = new ArrayList<>();
        Instant base = Instant.parse("2015-07-01T06:00:00Z");
        for (int s = 0; s < sources; s++) {
            for (int n = 0; n < perSource; n++) {
                String source = "source" + s;
                articles.add(new Article("t-" + s + "-" + n, "import", source, "https://news.example/" + s + "/" + n,
                        "خبر رقم " + n + " من المصدر " + s,
                        "", "اجتمع المجلس البلدي في الرياض اليوم لمناقشة الخبر رقم " + n + ". وقال المتحدث إن القرار"
                        + " سيصدر قريباً. وأضاف أن اللجنة ستتابع التنفيذ.\nوفي سياق متصل أعلنت الوزارة عن خطة جديدة.",
                        "ar", base.plusSeconds(60L * n), base.plusSeconds(60L * n)));
            }
        }
        return articles;
    }
}
