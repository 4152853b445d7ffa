package org.raqib.streams.topology;

import java.util.List;
import java.util.Objects;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.streams.entities.EntityRecognizer;
import org.raqib.streams.entities.Gazetteer;
import org.raqib.streams.text.ArticleText;

/** The topology's {@link EntityRecognition} by the storyline gazetteer: the title and the article's text. */
public final class GazetteerRecognition implements EntityRecognition {

    private final EntityRecognizer recognizer;

    public GazetteerRecognition(EntityRecognizer recognizer) {
        this.recognizer = Objects.requireNonNull(recognizer, "recognizer");
    }

    /** Recognition with the bundled gazetteer. */
    public static GazetteerRecognition standard() {
        return new GazetteerRecognition(new EntityRecognizer(Gazetteer.loadDefault()));
    }

    @Override
    public List<EntityHit> recognise(Article article) {
        return recognizer.recognise(article.title(), article.text());
    }

    @Override
    public List<EntityHit> recognise(Article article, ArticleText text) {
        return recognizer.recognise(text);
    }
}
