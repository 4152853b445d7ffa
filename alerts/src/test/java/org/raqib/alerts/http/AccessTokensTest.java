package org.raqib.alerts.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokensTest {

    @TempDir
    Path dir;

    @Test
    void generatesAnOwnerOnlyAdminTokenWhenTheFileIsMissingAndReusesIt() throws IOException {
        Path file = dir.resolve("data/admin.token");
        AccessTokens first = AccessTokens.fromFile(file, Map.of());
        assertThat(first.adminToken()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(AccessTokens.fromFile(file, Map.of()).adminToken()).isEqualTo(first.adminToken());
    }

    @Test
    void readsTheTokenAnInstanceStartingAtTheSameTimeIsStillWriting() throws Exception {
        Path file = Files.createFile(dir.resolve("admin.token"));
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(50);
                Files.writeString(file, "shared-token\n");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();

        AccessTokens tokens = AccessTokens.fromFile(file, Map.of());

        writer.join();
        assertThat(tokens.adminToken()).isEqualTo("shared-token");
    }

    @Test
    void refusesAnAdminTokenFileThatStaysEmpty() throws IOException {
        Path file = Files.createFile(dir.resolve("admin.token"));
        assertThatThrownBy(() -> AccessTokens.fromFile(file, Map.of())).hasMessageContaining("is empty");
    }

    @Test
    void resolvesAdminAndSubscriberScopes() {
        AccessTokens tokens = new AccessTokens("root-token", Map.of("alice", "alice-token"));
        assertThat(tokens.resolve("root-token")).contains(new Caller("admin", true));
        assertThat(tokens.resolve("alice-token")).contains(new Caller("alice", false));
        assertThat(tokens.resolve("guess")).isEmpty();
    }

    @Test
    void rejectsASubscriberNamedAdmin() {
        assertThatThrownBy(() -> new AccessTokens("t", Map.of("admin", "x"))).hasMessageContaining("reserved");
    }
}
