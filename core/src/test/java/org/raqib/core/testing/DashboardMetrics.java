package org.raqib.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every {@code raqib_*} metric a Grafana dashboard panel or a Prometheus rule queries is exported.
 * Reads the {@code expr} fields of dashboard JSON and rule YAML files (so names in titles or annotations do not
 * count) and compares the names in them with the sample names of a Prometheus scrape, which already carry the
 * {@code _total}, {@code _bucket}, {@code _count}, {@code _sum} and {@code _max} suffixes. Stateless.
 */
public final class DashboardMetrics {

    private static final Pattern NAME = Pattern.compile("raqib_[a-z_]+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DashboardMetrics() {}

    /** Names queried by the files that no sample of {@code scrape} carries, sorted; empty when all resolve. */
    public static Set<String> missing(String scrape, List<Path> files) {
        Set<String> missing = new TreeSet<>(queried(files));
        missing.removeAll(exported(scrape));
        return missing;
    }

    /** The {@code raqib_*} names in the {@code expr} fields of the files ({@code .json}, else YAML). */
    public static Set<String> queried(List<Path> files) {
        Set<String> names = new TreeSet<>();
        for (Path file : files) {
            List<String> expressions = new ArrayList<>();
            collectExpr(read(file), expressions);
            for (String expression : expressions) {
                Matcher m = NAME.matcher(expression);
                while (m.find()) {
                    names.add(m.group());
                }
            }
        }
        return names;
    }

    /** The sample names of a Prometheus text exposition. */
    public static Set<String> exported(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    private static JsonNode read(Path file) {
        try {
            return (file.getFileName().toString().endsWith(".json") ? JSON : YAML).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void collectExpr(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("expr") && field.getValue().isTextual()) {
                    out.add(field.getValue().asText());
                } else {
                    collectExpr(field.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectExpr(child, out));
        }
    }
}
