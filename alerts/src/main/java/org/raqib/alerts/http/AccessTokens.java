package org.raqib.alerts.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The bearer tokens the API accepts: one admin token (scope: everything), read from a file or generated into it,
 * and subscribers' tokens by subscriber name (scope: their own subscriptions and alerts).
 */
public final class AccessTokens {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final String adminToken;
    private final Map<String, String> subscriberTokens;

    /**
     * Tokens with the given admin token and {@code subscriberTokens} (subscriber name to token).
     *
     * @throws IllegalArgumentException when a token is empty or a subscriber is named {@code admin}
     */
    public AccessTokens(String adminToken, Map<String, String> subscriberTokens) {
        if (adminToken == null || adminToken.isBlank()) {
            throw new IllegalArgumentException("the admin token must not be empty");
        }
        this.adminToken = adminToken.strip();
        this.subscriberTokens = new LinkedHashMap<>();
        subscriberTokens.forEach((name, token) -> {
            if (name.equals("admin")) {
                throw new IllegalArgumentException(
                        "alerts.subscriberTokens: 'admin' is reserved for the admin token; choose another name");
            }
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("alerts.subscriberTokens." + name + " must not be empty");
            }
            this.subscriberTokens.put(name, token.strip());
        });
    }

    /**
     * Tokens whose admin token is read from {@code adminTokenFile}, or generated and written there readable by
     * its owner only when the file does not exist.
     *
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static AccessTokens fromFile(Path adminTokenFile, Map<String, String> subscriberTokens) {
        return new AccessTokens(readOrCreate(adminTokenFile), subscriberTokens);
    }

    /** The admin token, for the demo to print. */
    public String adminToken() {
        return adminToken;
    }

    /**
     * Checks the bearer token of {@code ctx} (the {@code Authorization: Bearer} header or the {@code token} query
     * parameter) and remembers its {@link Caller}, for servers other than the alerts API that guard their
     * {@code /api} routes with the same tokens.
     *
     * @throws ApiException 401 when the token is missing or unknown
     */
    public void authenticate(io.javalin.http.Context ctx) {
        Callers.authenticate(ctx, this);
    }

    /** Who holds {@code token}; empty for an unknown token. Compared in constant time. */
    public Optional<Caller> resolve(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        if (same(token.strip(), adminToken)) {
            return Optional.of(new Caller("admin", true));
        }
        for (Map.Entry<String, String> entry : subscriberTokens.entrySet()) {
            if (same(token.strip(), entry.getValue())) {
                return Optional.of(new Caller(entry.getKey(), false));
            }
        }
        return Optional.empty();
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String readOrCreate(Path file) {
        Objects.requireNonNull(file, "adminTokenFile");
        try {
            if (Files.exists(file)) {
                String token = Files.readString(file, StandardCharsets.UTF_8).strip();
                // Instances sharing the file may start together: one that has just created it writes it next.
                for (int wait = 0; token.isEmpty() && wait < 20; wait++) {
                    sleep(100);
                    token = Files.readString(file, StandardCharsets.UTF_8).strip();
                }
                if (token.isEmpty()) {
                    throw new IllegalArgumentException("admin token file " + file
                            + " is empty; delete it to have a new token generated, or write a token into it");
                }
                return token;
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows): the file gets the directory's default access.
                Files.createFile(file);
            }
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return token;
        } catch (FileAlreadyExistsException e) {
            // Another instance created it between our check and our create: use its token.
            return readOrCreate(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin token file " + file
                    + "; check alerts.adminTokenFile and the directory's permissions", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the admin token file to be written", e);
        }
    }
}
