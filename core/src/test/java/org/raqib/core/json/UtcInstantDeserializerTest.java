package org.raqib.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcInstantDeserializerTest {

    /** The mapper as it was before the fast reader: what every input must still read as. */
    private static final ObjectMapper JACKSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private static Instant read(ObjectMapper mapper, String json) throws Exception {
        return mapper.readValue(json, Instant.class);
    }

    @Test
    void readsEveryInstantAsJacksonDoesFromWhatRaqibWrites() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long second = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nanos);
            String json = Json.write(instant);

            assertThat(read(Json.mapper(), json)).isEqualTo(instant).isEqualTo(read(JACKSON, json));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2024-08-18T08:00:00.5Z\"", "\"2024-08-18T10:00:00+02:00\"", "\"2024-02-29T23:59:59Z\"",
        "1723968000", "1723968000.5", "\"2024-08-18T08:00:00.123456789Z\"", "\"2024-08-18T24:00:00Z\"",
        "\"2024-08-18T08:00:00.Z\""})
    void readsOtherFormsAsJacksonDoes(String json) throws Exception {
        assertThat(read(Json.mapper(), json)).isEqualTo(read(JACKSON, json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2023-02-29T08:00:00Z\"", "\"2024-08-18T08:00:00.1234567890Z\"",
        "\"2024-8-18T08:00:00Z\"", "\"yesterday\"", "\"2024-08-18T08:0a:00Z\""})
    void rejectsWhatJacksonRejects(String json) {
        assertThatThrownBy(() -> read(JACKSON, json)).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> read(Json.mapper(), json)).isInstanceOf(Exception.class);
    }

    @Test
    void leavesTextThatIsNotTheUtcFormToJackson() {
        assertThat(UtcInstantDeserializer.parse("2024-08-18T10:00:00+02:00")).isNull();
        assertThat(UtcInstantDeserializer.parse("2023-02-29T08:00:00Z")).isNull();
        assertThat(UtcInstantDeserializer.parse("2024-08-18T08:00:00.Z")).isNull();
        assertThat(UtcInstantDeserializer.parse("2024-08-18T08:00:07.25Z"))
                .isEqualTo(Instant.parse("2024-08-18T08:00:07.250Z"));
    }
}
