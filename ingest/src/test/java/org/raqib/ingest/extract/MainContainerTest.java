package org.raqib.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.RepeatedTest;

class MainContainerTest {

    private static final String PARAGRAPHS = "<p>اجتمع المجلس البلدي في الرياض اليوم، لمناقشة الخطة الجديدة للنقل.</p>"
            + "<p>وقال المتحدث إن القرار سيصدر قريباً، وإن اللجنة ستتابع التنفيذ.</p>";

    /** Twins score exactly alike; the winner must not depend on identity hash codes, which change from run to run. */
    @RepeatedTest(5)
    void breaksAnExactTieBetweenTwoContainersByDocumentOrder() {
        Element body = Jsoup.parse("<body><section><div id=first>" + PARAGRAPHS + "</div></section>"
                + "<section><div id=second>" + PARAGRAPHS + "</div></section></body>").body();

        assertThat(MainContainer.find(body, List.of()).container().id()).isEqualTo("first");
    }
}
