package org.raqib.streams.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.raqib.core.model.Rule;

/**
 * Generated rule sets for measuring the engine at scale ({@code raqib bench}, benchmarks and tests): rules shaped like
 * analysts' watch rules — keywords, phrases, NEAR, entity conditions and NOT — over a vocabulary of common news words
 * and rarer made-up words, so that most rules, as in real watch lists, do not fire on most articles. The same seed
 * gives the same rules.
 */
public final class SyntheticRules {

    private static final List<String> COMMON = List.of("وفد", "زيارة", "رئيس", "وزير", "حكومة", "الجيش", "قوات",
            "اتفاق", "مباحثات", "تهريب", "مهاجرين", "حدود", "نفط", "أسلحة", "انتخابات", "اقتصاد", "أمن", "هجوم",
            "مسلحين", "قاعدة", "طائرة", "شحنة", "مجلس", "برلمان", "عاصمة", "سفير", "تعاون", "عسكري", "سياسي",
            "مساعدات", "لاجئين", "ذهب", "وقود", "طريق", "صحراء", "قبائل", "مفاوضات", "عقوبات", "استثمار", "كهرباء");
    private static final List<String> ENTITIES = List.of("LY", "NE", "ML", "BF", "TD", "SD", "RU", "AES", "LNA",
            "WAGNER", "AFRICA_CORPS", "KHALIFA_HAFTAR", "SADDAM_HAFTAR", "TIANI", "TRAORE", "GOITA", "BENGHAZI",
            "NIAMEY", "BAMAKO", "KUFRA", "AGADEM", "FEZZAN", "JUFRA", "YEVKUROV");
    private static final List<String> SIDES = List.of("libya", "sahel", "russia", "external");
    private static final String LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

    private SyntheticRules() {}

    /**
     * {@code count} valid rules with ids {@code synthetic-00000...}, from {@code seed}.
     *
     * @throws IllegalArgumentException when {@code count} is negative
     */
    public static List<Rule> generate(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, got " + count);
        }
        Random random = new Random(seed);
        List<Rule> rules = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String query = switch (random.nextInt(5)) {
                case 0 -> word(random) + " AND " + entity(random);
                case 1 -> "(" + word(random) + " OR " + word(random) + ") AND side:" + SIDES.get(random.nextInt(4));
                case 2 -> word(random) + " NEAR/" + (3 + random.nextInt(10)) + " " + word(random);
                case 3 -> "\"" + word(random) + " " + word(random) + "\" OR " + entity(random) + " AND "
                        + word(random);
                default -> entity(random) + " AND " + word(random) + " NOT " + word(random);
            };
            String id = String.format(Locale.ROOT, "synthetic-%05d", i);
            rules.add(new Rule(id, "Synthetic rule " + i, "generated for benchmarks", "low", query, List.of("synthetic")));
        }
        return rules;
    }

    /** A common news word one time in four, otherwise a made-up word that rarely occurs in real text. */
    private static String word(Random random) {
        if (random.nextInt(4) == 0) {
            return COMMON.get(random.nextInt(COMMON.size()));
        }
        StringBuilder b = new StringBuilder();
        int length = 4 + random.nextInt(3);
        for (int i = 0; i < length; i++) {
            b.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return b.toString();
    }

    private static String entity(Random random) {
        return "entity:" + ENTITIES.get(random.nextInt(ENTITIES.size()));
    }
}
