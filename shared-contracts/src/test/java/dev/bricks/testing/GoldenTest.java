package dev.bricks.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoldenTest {

    private static byte[] golden(String replace, String with) {
        String text = Golden.text("order-placed-v1.json");
        if (!text.contains(replace)) {
            throw new IllegalStateException(replace);
        }
        return text.replace(replace, with).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSameJsonInAnotherLayoutMatches() {
        Golden.assertSameJson("order-placed-v1.json", golden("\n", " "));
        Golden.assertSameJson("order-placed-v1.json", golden("\"currency\": \"EUR\",", "\"currency\":\"EUR\","));
    }

    @Test
    void anAmountWithAnotherScaleOrJsonTypeDoesNotMatch() {
        assertThrows(AssertionError.class,
                () -> Golden.assertSameJson("order-placed-v1.json", golden("\"27.97\"", "\"27.970\"")));
        assertThrows(AssertionError.class,
                () -> Golden.assertSameJson("order-placed-v1.json", golden("\"27.97\"", "27.97")));
    }

    @Test
    void aMissingOrExtraMemberDoesNotMatch() {
        assertThrows(AssertionError.class,
                () -> Golden.assertSameJson("order-placed-v1.json", golden("\"catalogGeneration\": 7,", "")));
        assertThrows(AssertionError.class, () -> Golden.assertSameJson("order-placed-v1.json",
                golden("\"catalogGeneration\": 7,", "\"catalogGeneration\": 7, \"extra\": null,")));
    }

    @Test
    void anUnknownSampleIsNamed() {
        assertThrows(IllegalArgumentException.class, () -> Golden.bytes("no-such-record-v1.json"));
    }
}
