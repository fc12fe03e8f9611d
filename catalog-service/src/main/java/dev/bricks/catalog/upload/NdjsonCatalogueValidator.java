package dev.bricks.catalog.upload;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.catalog.store.CanonicalProducts;
import dev.bricks.contracts.Money;
import dev.bricks.contracts.Sku;
import dev.bricks.contracts.catalog.Product;
import dev.bricks.contracts.problem.Problem;
import dev.bricks.contracts.problem.ProblemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads an NDJSON catalogue (one product a line) as a stream and validates all of it; only a
 * catalogue without a single error is accepted. Every error names its line:
 * {@code line 17: price.currency: not an ISO 4217 code}.
 */
public final class NdjsonCatalogueValidator {

    static final int MAX_REPORTED_ERRORS = 20;
    static final int MAX_LINE_CHARS = 65_536;
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,4})?");
    private static final Set<String> FIELDS = Set.of("sku", "name", "description", "category", "price", "attributes");
    private static final Set<String> PRICE_FIELDS = Set.of("amount", "currency");

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final int maxProducts;

    public NdjsonCatalogueValidator(int maxProducts) {
        this.maxProducts = maxProducts;
    }

    /**
     * Validates all of an upload as a stream and hands each product to {@code sink} in upload order,
     * as long as no line so far had an error: the caller never holds the whole catalogue, and after
     * the first error it gets nothing more (the rest is read only to report further errors).
     */
    public CatalogueSummary validate(InputStream body, Consumer<Product> sink) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int errorCount = 0;
        int productLines = 0;
        Map<String, Integer> lineOfSku = new HashMap<>();
        CanonicalProducts.Checksum checksum = new CanonicalProducts.Checksum();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (++productLines > maxProducts) {
                    errors.add(lineError(lineNumber,
                            "more than " + maxProducts + " products (the limit of one upload)"));
                    errorCount++;
                    break;
                }
                LineResult result = line.length() > MAX_LINE_CHARS
                        ? LineResult.error("longer than " + MAX_LINE_CHARS + " characters")
                        : parseLine(line);
                if (result.product != null) {
                    Integer earlier = lineOfSku.putIfAbsent(result.product.sku(), lineNumber);
                    if (earlier != null) {
                        result = LineResult.error(
                                "sku: duplicate of line " + earlier + " (" + result.product.sku() + ")");
                    }
                }
                if (result.error != null) {
                    errorCount++;
                    if (errors.size() < MAX_REPORTED_ERRORS) {
                        errors.add(lineError(lineNumber, result.error));
                    }
                } else if (errorCount == 0) {
                    checksum.add(result.product);
                    sink.accept(result.product);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        }
        if (!errors.isEmpty()) {
            Problem.FieldError first = errors.get(0);
            String detail = first.field() + ": " + first.message()
                    + (errorCount > 1 ? " (and " + (errorCount - 1) + " more errors)" : "");
            throw new ProblemException(400, "Bad Request", detail, List.copyOf(errors), Map.of());
        }
        if (productLines == 0) {
            throw ProblemException.badRequest("the upload holds no products: send one JSON product a line");
        }
        return new CatalogueSummary(productLines, checksum.hex());
    }

    private static Problem.FieldError lineError(int lineNumber, String message) {
        return new Problem.FieldError("line " + lineNumber, message);
    }

    private LineResult parseLine(String line) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return LineResult.error("malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return LineResult.error("not a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                return LineResult.error(
                        name + ": unknown field (expected sku, name, description, category, price, attributes)");
            }
        }
        String sku = text(node, "sku");
        if (sku == null) {
            return LineResult.error("sku: is required and must be a string");
        }
        if (!Sku.isValid(sku)) {
            return LineResult.error("sku: " + Sku.RULE_IN_FULL);
        }
        String name = text(node, "name");
        if (name == null || name.isBlank()) {
            return LineResult.error("name: is required and must be a non-blank string");
        }
        if (name.length() > 200) {
            return LineResult.error("name: longer than 200 characters");
        }
        String description = text(node, "description");
        if (description == null) {
            return LineResult.error("description: is required and must be a string");
        }
        if (description.length() > 4000) {
            return LineResult.error("description: longer than 4000 characters");
        }
        String category = text(node, "category");
        if (category == null || category.isBlank()) {
            return LineResult.error("category: is required and must be a non-blank string");
        }
        if (category.length() > 100) {
            return LineResult.error("category: longer than 100 characters");
        }
        JsonNode price = node.get("price");
        if (price == null || !price.isObject()) {
            return LineResult.error("price: is required and must be an object with amount and currency");
        }
        for (Iterator<String> names = price.fieldNames(); names.hasNext();) {
            String field = names.next();
            if (!PRICE_FIELDS.contains(field)) {
                return LineResult.error("price." + field + ": unknown field (expected amount, currency)");
            }
        }
        JsonNode amountNode = price.get("amount");
        if (amountNode == null || !amountNode.isTextual()) {
            return LineResult.error("price.amount: is required and must be a decimal string such as \"12.50\"");
        }
        if (!AMOUNT.matcher(amountNode.asText()).matches()) {
            return LineResult.error("price.amount: not a non-negative decimal with at most 12 digits and 4 decimals");
        }
        JsonNode currencyNode = price.get("currency");
        if (currencyNode == null || !currencyNode.isTextual()) {
            return LineResult.error("price.currency: is required and must be a string");
        }
        String currency = currencyNode.asText();
        if (!Money.isIso4217(currency)) {
            return LineResult.error("price.currency: not an ISO 4217 code");
        }
        Map<String, String> attributes = null;
        JsonNode attributesNode = node.get("attributes");
        if (attributesNode != null && !attributesNode.isNull()) {
            if (!attributesNode.isObject()) {
                return LineResult.error("attributes: must be an object of strings");
            }
            attributes = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = attributesNode.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> attribute = it.next();
                if (!attribute.getValue().isTextual()) {
                    return LineResult.error("attributes." + attribute.getKey() + ": must be a string");
                }
                attributes.put(attribute.getKey(), attribute.getValue().asText());
            }
        }
        return LineResult.ok(new Product(sku, name, description, category,
                new Money(new BigDecimal(amountNode.asText()), currency), attributes));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private record LineResult(Product product, String error) {
        static LineResult ok(Product product) {
            return new LineResult(product, null);
        }

        static LineResult error(String message) {
            return new LineResult(null, message);
        }
    }
}
