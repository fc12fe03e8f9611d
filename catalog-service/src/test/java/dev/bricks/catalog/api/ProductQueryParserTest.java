package dev.bricks.catalog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductQueryParserTest {

    @ParameterizedTest
    @ValueSource(strings = { "lamp", "  Premium   LAMP ", "a\tb\nc\u000Bd\fe\rf", "lamp lamp Lamp", "a\u2003b",
        "\u0001", "\u0001 lamp \u0001", "x  y", "ünïcode Straße" })
    void queryWordsAreTheDistinctLowerCaseWordsBetweenRunsOfWhiteSpace(String q) {
        // what the words were before the regular expression was replaced by a loop
        var expected = Arrays.stream(q.toLowerCase(Locale.ROOT).trim().split("\\s+")).distinct().toList();
        assertEquals(expected, ProductQueryParser.filter(q, null, null, null, null).words());
    }
}
