package org.raqib.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValidUtf8Test {

    @Test
    void agreesWithTheJdkDecoderOnArabicTextEdgeCasesAndRandomBytes() {
        byte[][] cases = {
            "مرحبا بالعالم — 😀 abc".getBytes(StandardCharsets.UTF_8),
            "مرحبا".getBytes(java.nio.charset.Charset.forName("windows-1256")),
            {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xD8}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
        };
        for (byte[] bytes : cases) {
            assertThat(PageCharset.validUtf8(bytes)).as("%s", java.util.Arrays.toString(bytes)).isEqualTo(jdk(bytes));
        }
        Random random = new Random(5);
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = new byte[random.nextInt(6)];
            random.nextBytes(bytes);
            assertThat(PageCharset.validUtf8(bytes)).as("%s", java.util.Arrays.toString(bytes)).isEqualTo(jdk(bytes));
        }
    }

    @Test
    void agreesWithTheJdkDecoderOnMostlyAsciiTextReadEightBytesAtATime() {
        byte[] arabic = "خبر".getBytes(StandardCharsets.UTF_8);
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                int pick = random.nextInt(20);
                bytes[i] = pick == 0 ? (byte) random.nextInt(256) : pick == 1 ? arabic[random.nextInt(arabic.length)]
                        : (byte) ('a' + random.nextInt(26));
            }
            assertThat(PageCharset.validUtf8(bytes)).as("%s", java.util.Arrays.toString(bytes)).isEqualTo(jdk(bytes));
        }
    }

    private static boolean jdk(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
