package org.raqib.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Directories a component creates for itself and removes when done (backtest state, a benchmark's scratch broker). */
public final class Directories {

    private Directories() {}

    /**
     * Deletes {@code root} and everything below it, deepest first; does nothing when it does not exist.
     *
     * @throws IOException when an entry cannot be deleted (the rest may be gone already)
     */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> paths = Files.walk(root)) {
            deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : deepestFirst) {
            Files.deleteIfExists(path);
        }
    }
}
