package org.raqib.streams.topology;

import java.util.List;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.RuleHit;

/**
 * An article after recognition and rule matching, on its way to story clustering (the value of the
 * {@code raqib-streams-raqib-story-key-repartition} topic).
 *
 * @param article the article
 * @param entities recognised entities
 * @param rules matched rules
 * @param signature MinHash components of its text, for story clustering
 * @param storyKey the key that brings candidate copies of its story to one partition
 */
record Analysed(Article article, List<EntityHit> entities, List<RuleHit> rules, int[] signature, String storyKey) {}
