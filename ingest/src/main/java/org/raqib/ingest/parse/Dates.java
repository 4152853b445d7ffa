package org.raqib.ingest.parse;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates feeds and pages carry: RFC 822/1123 (with or without weekday, numeric or named zones), ISO 8601
 * (with or without zone or seconds), {@code yyyy-MM-dd HH:mm[:ss]}, and the Arabic forms news sites use
 * ({@code 18 أغسطس 2024، 7:56 ص}, Arabic-Indic digits, Levantine and Egyptian month names). A time without a zone
 * is taken as UTC; an unreadable date is empty, never a guess.
 */
public final class Dates {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            new DateTimeFormatterBuilder().parseCaseInsensitive().optionalStart().appendPattern("EEE, ").optionalEnd()
                    .appendPattern("d MMM yyyy HH:mm[:ss] ").optionalStart().appendPattern("XX").optionalEnd()
                    .optionalStart().appendPattern("z").optionalEnd().toFormatter(Locale.ENGLISH),
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ISO_ZONED_DATE_TIME);

    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm[:ss]", Locale.ROOT),
            DateTimeFormatter.ofPattern("d/M/yyyy HH:mm[:ss]", Locale.ROOT));

    private static final Map<String, Integer> ARABIC_MONTHS = Map.ofEntries(
            Map.entry("يناير", 1), Map.entry("كانون الثاني", 1), Map.entry("فبراير", 2), Map.entry("شباط", 2),
            Map.entry("مارس", 3), Map.entry("آذار", 3), Map.entry("أبريل", 4), Map.entry("ابريل", 4),
            Map.entry("إبريل", 4), Map.entry("نيسان", 4), Map.entry("مايو", 5), Map.entry("أيار", 5),
            Map.entry("يونيو", 6), Map.entry("يونيه", 6), Map.entry("حزيران", 6), Map.entry("يوليو", 7),
            Map.entry("يوليه", 7), Map.entry("تموز", 7), Map.entry("أغسطس", 8), Map.entry("اغسطس", 8),
            Map.entry("آب", 8), Map.entry("سبتمبر", 9), Map.entry("أيلول", 9), Map.entry("أكتوبر", 10),
            Map.entry("اكتوبر", 10), Map.entry("تشرين الأول", 10), Map.entry("نوفمبر", 11),
            Map.entry("تشرين الثاني", 11), Map.entry("ديسمبر", 12), Map.entry("كانون الأول", 12));

    private static final Pattern ARABIC_DATE = Pattern.compile(
            "(\\d{1,2})\\s+([\\p{IsArabic} ]+?)\\s+(\\d{4})(?:[،,\\s-]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(ص|م|am|pm|AM|PM)?)?");

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern UT_OR_Z = Pattern.compile(" (UT|Z)$");

    private Dates() {}

    /** The instant {@code text} names, if it is a date this class reads. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = SPACES.matcher(asciiDigits(text.strip())).replaceAll(" ");
        String zoned = fixZone(t);
        for (DateTimeFormatter format : FORMATS) {
            Optional<Instant> instant = read(zoned, format).map(parsed -> ZonedDateTime.from(parsed).toInstant());
            if (instant.isPresent()) {
                return instant;
            }
        }
        for (DateTimeFormatter format : LOCAL) {
            Optional<Instant> instant = read(t, format)
                    .map(parsed -> LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC));
            if (instant.isPresent()) {
                return instant;
            }
        }
        Optional<Instant> day = read(t, DateTimeFormatter.ISO_LOCAL_DATE)
                .map(parsed -> LocalDate.from(parsed).atStartOfDay().toInstant(ZoneOffset.UTC));
        return day.isPresent() ? day : arabic(t);
    }

    /**
     * {@code text} read whole by {@code format}, or empty. Each date is tried against several forms and most
     * attempts fail, so the form is checked without resolving first: a failed {@code parse} throws, and building
     * its exception cost more than the reading.
     */
    private static Optional<TemporalAccessor> read(String text, DateTimeFormatter format) {
        ParsePosition position = new ParsePosition(0);
        if (format.parseUnresolved(text, position) == null || position.getIndex() != text.length()) {
            return Optional.empty();
        }
        try {
            return Optional.of(format.parse(text));
        } catch (DateTimeException e) {
            return Optional.empty(); // the form fits but the fields do not (a 31 April, a wrong weekday)
        }
    }

    private static Optional<Instant> arabic(String t) {
        Matcher m = ARABIC_DATE.matcher(t);
        if (!m.find()) {
            return Optional.empty();
        }
        Integer month = ARABIC_MONTHS.get(m.group(2).strip());
        if (month == null) {
            return Optional.empty();
        }
        int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        String half = m.group(7) == null ? "" : m.group(7).toLowerCase(Locale.ROOT);
        if ((half.equals("م") || half.equals("pm")) && hour < 12) {
            hour += 12;
        } else if ((half.equals("ص") || half.equals("am")) && hour == 12) {
            hour = 0;
        }
        try {
            LocalDateTime time = LocalDateTime.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)),
                    hour, m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            return Optional.of(time.toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** RFC 822 allows "UT", "Z" and military zones that java.time does not read. */
    private static String fixZone(String t) {
        return UT_OR_Z.matcher(t).replaceAll(" GMT");
    }

    /** Arabic-Indic and Eastern Arabic-Indic digits to ASCII. */
    static String asciiDigits(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char d = c >= '\u0660' && c <= '\u0669' ? (char) ('0' + c - '\u0660')
                    : c >= '\u06F0' && c <= '\u06F9' ? (char) ('0' + c - '\u06F0') : c;
            if (d != c && b == null) {
                b = new StringBuilder(text);
            }
            if (b != null) {
                b.setCharAt(i, d);
            }
        }
        return b == null ? text : b.toString();
    }

}
