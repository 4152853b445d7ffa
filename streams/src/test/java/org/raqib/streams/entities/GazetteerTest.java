package org.raqib.streams.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerTest {

    private static Gazetteer parse(String... lines) throws IOException {
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return Gazetteer.parse("test.tsv", new ByteArrayInputStream(bytes));
    }

    @Test
    void bundledGazetteerHasEveryEntityOfTheSharedList() throws IOException {
        Gazetteer gazetteer = Gazetteer.loadDefault();
        String shared = System.getProperty("raqib.shared", "");
        Path entities = Path.of(shared, "storyline", "entities.tsv");
        Assumptions.assumeTrue(!shared.isEmpty() && Files.isRegularFile(entities),
                "the shared material (system property raqib.shared) has no storyline/entities.tsv");
        List<String> lines = Files.readAllLines(entities, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t");
            assertThat(gazetteer.entity(cols[0])).as(cols[0]).hasValueSatisfying(e -> {
                assertThat(e.side()).isEqualTo(cols[2]);
                assertThat(e.type()).isEqualTo(cols[1]);
            });
        }
    }

    @Test
    void rejectsAnAliasNamingTwoEntitiesWithFileAndLine() {
        assertThatThrownBy(() -> parse(
                "A\tcountry\tlibya\tA\tليبيا\tطرابلس\t\t",
                "B\tcity\tlibya\tB\tطرابلس\t\t\t"))
                .isInstanceOf(GazetteerException.class)
                .hasMessageContaining("test.tsv:2:")
                .hasMessageContaining("already an alias of A (line 1)");
    }

    @Test
    void rejectsUnknownSidesAndTypes() {
        assertThatThrownBy(() -> parse(
                "A\tcountry\tmars\tA\tليبيا\t\t\t",
                "B\tplanet\tlibya\tB\tتشاد\t\t\t"))
                .isInstanceOf(GazetteerException.class)
                .hasMessageContaining("test.tsv:1: unknown side 'mars'")
                .hasMessageContaining("test.tsv:2: unknown type 'planet'")
                .satisfies(e -> assertThat(((GazetteerException) e).problems()).hasSize(2));
    }

    @Test
    void rejectsDuplicateIdsAndShortLines() {
        assertThatThrownBy(() -> parse(
                "A\tcountry\tlibya\tA\tليبيا\t\t\t",
                "A\tcountry\tsahel\tA\tتشاد\t\t\t",
                "C\tcountry"))
                .isInstanceOf(GazetteerException.class)
                .hasMessageContaining("test.tsv:2: id A is already defined on line 1")
                .hasMessageContaining("test.tsv:3: expected 8 tab-separated columns");
    }

    @Test
    void rejectsAliasesImplyingUnknownEntities() {
        assertThatThrownBy(() -> parse("A\torg\tlibya\tA\tحكومة حماد>NOBODY\t\t\t"))
                .isInstanceOf(GazetteerException.class)
                .hasMessageContaining("unknown entity id 'NOBODY'");
    }

    @Test
    void loadsAnAnalystsFileWithoutRecompiling(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gazetteer.tsv");
        Files.writeString(file, "# extra\nGHAT\tcity\tlibya\tGhat\tغات\tGhat\t\tborder town\n",
                StandardCharsets.UTF_8);
        EntityRecognizer recognizer = new EntityRecognizer(Gazetteer.load(file));
        assertThat(recognizer.recognise("", "وصلت القافلة إلى غات")).extracting(h -> h.id()).containsExactly("GHAT");
    }
}
