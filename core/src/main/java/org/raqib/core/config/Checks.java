package org.raqib.core.config;

/** Preconditions for settings records; messages name the key and the expectation, as the loader reports them. */
final class Checks {

    private Checks() {}

    static void port(String key, int value) {
        range(key, value, 0, 65_535);
    }

    static void range(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    static void positive(String key, java.time.Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(key + " must be a positive duration, got " + value);
        }
    }

    static void notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
    }
}
