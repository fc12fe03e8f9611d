package dev.bricks.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SkuTest {

    private static final String SIXTY_FOUR = "A" + "b".repeat(63);

    @ParameterizedTest
    @ValueSource(strings = { "KIT-0042", "a", "0", "9abc", "a.b_c-d", "OFF-0120", "x..", "Z--__.." })
    void lettersDigitsDotsUnderscoresAndDashesStartingWithALetterOrDigitAreSkus(String sku) {
        assertTrue(Sku.isValid(sku), sku);
    }

    @Test
    void aSkuHasAtMost64Characters() {
        assertTrue(Sku.isValid(SIXTY_FOUR));
        assertFalse(Sku.isValid(SIXTY_FOUR + "c"));
        assertEquals(Sku.MAX_LENGTH, SIXTY_FOUR.length());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "-abc", ".abc", "_abc", "KIT 0042", "KIT/0042", "KIT:0042", "KIT+1", "ÄBC-1",
            "KIT-0042\n", " KIT-0042", "KIT%2F1" })
    void anythingElseIsNotASku(String sku) {
        assertFalse(Sku.isValid(sku), sku);
    }

    @Test
    void nullIsNotASku() {
        assertFalse(Sku.isValid(null));
    }

    @Test
    void thePatternForBeanValidationMatchesExactlyWhatIsValid() {
        Pattern pattern = Pattern.compile(Sku.PATTERN);
        for (String sku : new String[] { "KIT-0042", "a", SIXTY_FOUR, SIXTY_FOUR + "c", "-abc", "", "KIT 1" }) {
            assertEquals(Sku.isValid(sku), pattern.matcher(sku).matches(), sku);
        }
    }

    @Test
    void theRuleIsWordedAsTheCartAndTheCatalogAnswerIt() {
        assertEquals("must be 1-64 letters, digits, '.', '_' or '-'", Sku.RULE);
        assertEquals("must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit",
                Sku.RULE_IN_FULL);
    }
}
