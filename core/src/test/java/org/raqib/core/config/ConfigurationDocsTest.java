package org.raqib.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps docs/configuration.md true: every key documented, no key documented that does not exist. */
class ConfigurationDocsTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-zA-Z.]+)` \\|", Pattern.MULTILINE);

    @Test
    void documentsEveryConfigurationKeyAndNoOther() throws IOException {
        Path docs = Path.of("..", "docs", "configuration.md");
        String text = Files.readString(docs, StandardCharsets.UTF_8);
        Set<String> documented = new LinkedHashSet<>();
        Matcher m = ROW.matcher(text);
        while (m.find()) {
            documented.add(m.group(1));
        }

        assertThat(documented).containsExactlyInAnyOrderElementsOf(ConfigLoader.scalarKeys());
    }
}
