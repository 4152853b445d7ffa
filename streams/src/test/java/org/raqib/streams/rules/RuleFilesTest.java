package org.raqib.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.core.model.Rule;

class RuleFilesTest {

    @Test
    void readsAListOfRulesWithEveryField() {
        RuleFiles.Loaded loaded = RuleFiles.parse("""
                - id: agadem
                  name: Agadem
                  description: the oil field
                  severity: High
                  query: entity:AGADEM
                  tags: [oil, niger]
                - id: visits
                  query: وفد AND side:sahel
                """, "rules.yaml");
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.rules()).containsExactly(
                new Rule("agadem", "Agadem", "the oil field", "high", "entity:AGADEM", java.util.List.of("oil", "niger")),
                new Rule("visits", null, null, null, "وفد AND side:sahel", null));
    }

    @Test
    void readsSeveralDocumentsInOneFile() {
        RuleFiles.Loaded loaded = RuleFiles.parse("id: a\nquery: وفد\n---\nid: b\nquery: زيارة\n", "two.yaml");
        assertThat(loaded.rules()).extracting(Rule::id).containsExactly("a", "b");
    }

    @Test
    void pointsAQuerySyntaxErrorAtItsLineAndColumnInTheFile() {
        RuleFiles.Loaded loaded = RuleFiles.parse("""
                - id: ok
                  query: وفد
                - id: broken
                  name: Broken
                  query: |
                    entity:NE
                    AND (وفد OR زيارة
                """, "watch.yaml");
        assertThat(loaded.rules()).extracting(Rule::id).containsExactly("ok");
        assertThat(loaded.problems()).singleElement().asString()
                .startsWith("watch.yaml: rule 'broken', line 7, column 9:")
                .contains("never closed");
    }

    @Test
    void pointsAnErrorInAOneLineQueryAtItsColumn() {
        RuleFiles.Loaded loaded = RuleFiles.parse("id: r\nquery: وفد OR\n", "r.yaml");
        assertThat(loaded.problems()).singleElement().asString().startsWith("r.yaml: rule 'r', line 2, column 14:");
    }

    @Test
    void reportsMissingIdsUnknownFieldsBadSeveritiesAndBrokenYaml() {
        assertThat(RuleFiles.parse("query: وفد\n", "f.yaml").problems()).singleElement().asString()
                .contains("line 1").contains("has no id");
        assertThat(RuleFiles.parse("id: r\nquery: وفد\nseverty: high\n", "f.yaml").problems()).singleElement()
                .asString().contains("unknown field 'severty'");
        assertThat(RuleFiles.parse("id: r\nquery: وفد\nseverity: urgent\n", "f.yaml").problems()).singleElement()
                .asString().contains("severity 'urgent' is not one of low, medium, high, critical");
        assertThat(RuleFiles.parse("id: r\nquery: [وفد\n", "f.yaml").problems()).anySatisfy(p -> assertThat(p)
                .startsWith("f.yaml, line").contains("not valid YAML").doesNotContain("\n"));
    }

    @Test
    void readsAFolderInNameOrderAndRejectsDuplicateIds(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.yml"), "id: b\nquery: زيارة\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("a.yaml"), "id: a\nquery: وفد\n---\nid: b\nquery: قمة\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes.txt"), "not rules", StandardCharsets.UTF_8);
        RuleFiles.Loaded loaded = RuleFiles.read(dir);
        assertThat(loaded.rules()).extracting(Rule::id).containsExactly("a", "b");
        assertThat(loaded.problems()).singleElement().asString().contains("rule 'b' is also defined in");
    }

    @Test
    void explainsAMissingPathAndAFolderWithoutRules(@TempDir Path dir) {
        assertThatThrownBy(() -> RuleFiles.read(dir.resolve("nope.yaml"))).hasMessageContaining("no such file");
        assertThatThrownBy(() -> RuleFiles.read(dir)).hasMessageContaining("holds no .yaml or .yml rule files");
    }
}
