package org.raqib.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "Sun, 18 Aug 2024 07:56:00 GMT     | 2024-08-18T07:56:00Z",
            "Sun, 18 Aug 2024 07:56:00 +0300   | 2024-08-18T04:56:00Z",
            "18 Aug 2024 07:56 +0200           | 2024-08-18T05:56:00Z",
            "sun, 18 aug 2024 07:56:00 UT      | 2024-08-18T07:56:00Z",
            "Sun, 18 Aug 2024 07:56:00 Z       | 2024-08-18T07:56:00Z",
            "2024-08-18T07:56:00+03:00         | 2024-08-18T04:56:00Z",
            "2024-08-18T07:56:00Z              | 2024-08-18T07:56:00Z",
            "2024-08-18T07:56:00.250Z          | 2024-08-18T07:56:00.250Z",
            "2024-08-18T07:56:00+03:00[Asia/Riyadh] | 2024-08-18T04:56:00Z",
            "2024-08-18T07:56:00               | 2024-08-18T07:56:00Z",
            "2024-08-18T07:56                  | 2024-08-18T07:56:00Z",
            "2024-08-18 07:56                  | 2024-08-18T07:56:00Z",
            "2024/08/18 07:56:09               | 2024-08-18T07:56:09Z",
            "18/8/2024 07:56                   | 2024-08-18T07:56:00Z",
            "2024-08-18                        | 2024-08-18T00:00:00Z",
            "18 أغسطس 2024، 7:56 ص             | 2024-08-18T07:56:00Z",
            "18 أغسطس 2024، 7:56 م             | 2024-08-18T19:56:00Z",
            "١٨ آب ٢٠٢٤                        | 2024-08-18T00:00:00Z",
            "نشر في 3 تشرين الأول 2023 - 12:05 ص | 2023-10-03T00:05:00Z",
            "  Sun,   18 Aug 2024   07:56:00 GMT  | 2024-08-18T07:56:00Z"})
    void readsTheFormsFeedsAndArabicSitesUse(String text, String expected) {
        assertThat(Dates.parse(text)).hasValue(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "   ", "yesterday", "Mon, 18 Aug 2024 07:56:00 GMT",
            "2024-02-30", "2024-08-18T25:00:00Z", "18 فلان 2024", "2024-08-18T07:56:00+03:00 and more"})
    void leavesWhatItCannotReadEmptyInsteadOfGuessing(String text) {
        assertThat(Dates.parse(text)).isEmpty();
    }
}
