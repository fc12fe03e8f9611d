package dev.bricks.catalog.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.catalog.store.CanonicalProducts;
import dev.bricks.catalog.support.GoldenGeneration;
import dev.bricks.contracts.catalog.Product;
import dev.bricks.contracts.problem.Problem;
import dev.bricks.contracts.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NdjsonCatalogueValidatorTest {

    private final NdjsonCatalogueValidator validator = new NdjsonCatalogueValidator(1000);

    static String line(String sku) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"Mug " + sku + "\",\"description\":\"A mug\","
                + "\"category\":\"Kitchen\","
                + "\"price\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},\"attributes\":{\"z\":\"1\",\"a\":\"2\"}}";
    }

    /** What the validator hands on, collected: the products in upload order and the checksum. */
    private record Validated(List<Product> products, String checksum) {
    }

    private Validated validate(String body) {
        return validate(validator, body);
    }

    private static Validated validate(NdjsonCatalogueValidator validator, String body) {
        List<Product> products = new ArrayList<>();
        CatalogueSummary summary = validator.validate(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), products::add);
        assertEquals(products.size(), summary.products(), "the summary counts what was handed on");
        return new Validated(products, summary.checksum());
    }

    private ProblemException rejected(String body) {
        return assertThrows(ProblemException.class, () -> validate(body));
    }

    @Test
    void validCatalogueKeepsProductsInOrderWithExactAmounts() {
        Validated catalogue = validate(line("A-1") + "\n\n" + line("A-2") + "\n");
        assertEquals(List.of("A-1", "A-2"), catalogue.products().stream().map(Product::sku).toList());
        assertEquals(new BigDecimal("12.50"), catalogue.products().get(0).price().amount());
        assertEquals("12.50", catalogue.products().get(0).price().amount().toString());
        assertEquals(64, catalogue.checksum().length());
    }

    @Test
    void badCurrencyNamesLineAndField() {
        String body = line("A-1") + "\n" + line("A-2").replace("EUR", "EUX") + "\n";
        ProblemException e = rejected(body);
        assertEquals(400, e.status());
        assertEquals("line 2: price.currency: not an ISO 4217 code", e.getMessage());
        assertEquals(List.of(new Problem.FieldError("line 2", "price.currency: not an ISO 4217 code")),
                e.toProblem().errors());
    }

    @Test
    void duplicateSkuNamesBothLines() {
        ProblemException e = rejected(line("A-1") + "\n" + line("B-1") + "\n" + line("A-1"));
        assertEquals("line 3: sku: duplicate of line 1 (A-1)", e.getMessage());
    }

    @Test
    void malformedJsonMissingFieldAndBadAmountAreEachReportedWithTheirLine() {
        String body = String.join("\n", line("A-1"), "{not json", line("A-3").replace("\"name\":\"Mug A-3\",", ""),
                line("A-4").replace("\"12.50\"", "12.5"), line("A-5").replace("\"12.50\"", "\"-3\""));
        ProblemException e = rejected(body);
        Map<String, String> errors = e.toProblem().errors().stream()
                .collect(Collectors.toMap(Problem.FieldError::field, Problem.FieldError::message));
        assertTrue(errors.get("line 2").startsWith("malformed JSON"), errors.toString());
        assertEquals("name: is required and must be a non-blank string", errors.get("line 3"));
        assertTrue(errors.get("line 4").startsWith("price.amount: is required and must be a decimal string"));
        assertTrue(errors.get("line 5").startsWith("price.amount: not a non-negative decimal"));
        assertTrue(e.getMessage().startsWith("line 2: malformed JSON"));
        assertTrue(e.getMessage().endsWith("(and 3 more errors)"), e.getMessage());
    }

    @Test
    void unknownFieldAndNonStringAttributeAreRejected() {
        assertTrue(rejected(line("A-1").replace("\"category\"", "\"prize\":1,\"category\"")).getMessage()
                .startsWith("line 1: prize: unknown field"));
        assertEquals("line 1: attributes.z: must be a string",
                rejected(line("A-1").replace("\"z\":\"1\"", "\"z\":1")).getMessage());
    }

    @Test
    void moreProductsThanTheLimitAreRejectedAtTheFirstLineOverIt() {
        NdjsonCatalogueValidator small = new NdjsonCatalogueValidator(3);
        String body = IntStream.rangeClosed(1, 5).mapToObj(i -> line("S-" + i)).collect(Collectors.joining("\n"));
        ProblemException e = assertThrows(ProblemException.class, () -> validate(small, body));
        assertEquals("line 4: more than 3 products (the limit of one upload)", e.getMessage());
    }

    @Test
    void emptyUploadIsRejected() {
        assertEquals(400, rejected("\n  \n").status());
    }

    /** The canonical line of {@link #line}: record field order, attributes sorted by key, amount as written. */
    static String canonical(String sku) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"Mug " + sku + "\",\"description\":\"A mug\","
                + "\"category\":\"Kitchen\",\"price\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},"
                + "\"attributes\":{\"a\":\"2\",\"z\":\"1\"}}";
    }

    /** SHA-256 in lowercase hex, computed here without any production code. */
    static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void checksumIsTheSha256OfTheCanonicalLinesEachEndedByANewlineWhateverTheInputsKeyOrder() throws Exception {
        String reordered =
                "{\"price\":{\"currency\":\"EUR\",\"amount\":\"12.50\"},\"attributes\":{\"a\":\"2\",\"z\":\"1\"},"
                + "\"category\":\"Kitchen\",\"description\":\"A mug\",\"name\":\"Mug A-1\",\"sku\":\"A-1\"}";
        String expected = sha256(canonical("A-1") + "\n");
        assertEquals(expected, validate(line("A-1")).checksum());
        assertEquals(expected, validate(reordered).checksum());
        assertEquals(sha256(canonical("A-1") + "\n" + canonical("A-2") + "\n"),
                validate(line("A-1") + "\n\n" + line("A-2") + "\n").checksum(), "blank lines are not part of it");
        assertEquals(canonical("A-1"), CanonicalProducts.json(validate(reordered).products().get(0)));
    }

    @Test
    void theGoldenCommitsChecksumIsTheSha256OfItsProductsCanonicalLines() throws Exception {
        // generation-commit-v1.json: no attributes means no "attributes" key; an amount keeps its scale
        String lines = "{\"sku\":\"KIT-0042\",\"name\":\"Oak Lamp\",\"description\":\"Table lamp in oiled oak.\","
                + "\"category\":\"Kitchen\",\"price\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},"
                + "\"attributes\":{\"colour\":\"oat\",\"material\":\"oak\"}}\n"
                + "{\"sku\":\"OFF-0007\",\"name\":\"Fountain Pen\",\"description\":\"Steel nib, refillable.\","
                + "\"category\":\"Office\",\"price\":{\"amount\":\"0.99\",\"currency\":\"EUR\"}}\n";
        assertEquals(GoldenGeneration.CHECKSUM, sha256(lines));
        String upload = "{\"sku\":\"KIT-0042\",\"name\":\"Oak Lamp\",\"description\":\"Table lamp in oiled oak.\","
                + "\"category\":\"Kitchen\",\"price\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},"
                + "\"attributes\":{\"material\":\"oak\",\"colour\":\"oat\"}}\n"
                + "{\"sku\":\"OFF-0007\",\"name\":\"Fountain Pen\",\"description\":\"Steel nib, refillable.\","
                + "\"category\":\"Office\",\"price\":{\"amount\":\"0.99\",\"currency\":\"EUR\"}}\n";
        assertEquals(GoldenGeneration.CHECKSUM, validate(upload).checksum());
    }

    @Test
    void checksumChangesWithOrderAndWithAnyValue() {
        String ab = validate(line("A-1") + "\n" + line("A-2")).checksum();
        assertNotEquals(ab, validate(line("A-2") + "\n" + line("A-1")).checksum());
        assertNotEquals(ab, validate(line("A-1") + "\n" + line("A-2").replace("12.50", "12.5")).checksum());
    }
}
