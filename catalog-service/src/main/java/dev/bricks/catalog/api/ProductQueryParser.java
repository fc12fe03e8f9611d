package dev.bricks.catalog.api;

import dev.bricks.catalog.store.ProductFilter;
import dev.bricks.contracts.problem.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the query parameters of a product search into a filter, or a 400 naming the parameter.
 * Parameters arrive as strings so that a bad number is a clear 400 rather than JAX-RS' 404.
 */
public final class ProductQueryParser {

    public static final int MAX_SIZE = 100;
    private static final int MAX_WORDS = 10;

    private ProductQueryParser() {
    }

    public static ProductFilter filter(String q, String category, String minPrice, String maxPrice, String sort) {
        List<String> words = List.of();
        if (q != null && !q.isBlank()) {
            if (q.length() > 200) {
                throw ProblemException.badField("q", "longer than 200 characters");
            }
            words = words(q.toLowerCase(Locale.ROOT).trim());
            if (words.size() > MAX_WORDS) {
                throw ProblemException.badField("q", "more than " + MAX_WORDS + " words");
            }
        }
        BigDecimal min = price("minPrice", minPrice);
        BigDecimal max = price("maxPrice", maxPrice);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw ProblemException.badField("minPrice", "greater than maxPrice");
        }
        return new ProductFilter(words, category == null || category.isBlank() ? null : category, min, max, sort(sort));
    }

    /**
     * The distinct words of the trimmed query, split at runs of {@code \\s} as {@code split("\\s+")} would, without
     * a regular expression: this runs for every search, cached ones included.
     */
    private static List<String> words(String trimmed) {
        List<String> words = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i <= trimmed.length(); i++) {
            if (i == trimmed.length() || isSpace(trimmed.charAt(i))) {
                if (i > start || trimmed.isEmpty()) {
                    String word = trimmed.substring(start, i);
                    if (!words.contains(word)) {
                        words.add(word);
                    }
                }
                start = i + 1;
            }
        }
        return List.copyOf(words);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    public static int page(String value) {
        int page = integer("page", value, 0);
        if (page < 0 || page > 100_000) {
            throw ProblemException.badField("page", "must be between 0 and 100000");
        }
        return page;
    }

    public static int size(String value) {
        int size = integer("size", value, 20);
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.badField("size", "must be between 1 and " + MAX_SIZE);
        }
        return size;
    }

    private static ProductFilter.Sort sort(String value) {
        if (value == null || value.isBlank()) {
            return ProductFilter.Sort.NAME;
        }
        return switch (value) {
            case "name" -> ProductFilter.Sort.NAME;
            case "-name" -> ProductFilter.Sort.NAME_DESC;
            case "price" -> ProductFilter.Sort.PRICE;
            case "-price" -> ProductFilter.Sort.PRICE_DESC;
            default -> throw ProblemException.badField("sort", "must be one of name, -name, price, -price");
        };
    }

    private static BigDecimal price(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal price = new BigDecimal(value.trim());
            if (price.signum() < 0) {
                throw ProblemException.badField(parameter, "must not be negative");
            }
            return price;
        } catch (NumberFormatException e) {
            throw ProblemException.badField(parameter, "not a decimal number");
        }
    }

    private static int integer(String parameter, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badField(parameter, "not an integer");
        }
    }
}
