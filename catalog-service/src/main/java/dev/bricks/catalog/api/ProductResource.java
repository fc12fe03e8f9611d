package dev.bricks.catalog.api;

import dev.bricks.catalog.browse.CatalogReads;
import dev.bricks.catalog.store.ProductFilter;
import dev.bricks.contracts.Sku;
import dev.bricks.contracts.catalog.CatalogHeaders;
import dev.bricks.contracts.catalog.CategoryCount;
import dev.bricks.contracts.catalog.Product;
import dev.bricks.contracts.catalog.ProductPage;
import dev.bricks.contracts.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Browsing: every answer comes from this replica's cache or its own H2. */
@Path("/api/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog", description = "Browse the active catalogue generation")
public class ProductResource {

    private final CatalogReads reads;
    private final ActiveGeneration generation;
    private final ProductAnswers answers;

    public ProductResource(CatalogReads reads, ActiveGeneration generation, ProductAnswers answers) {
        this.reads = reads;
        this.generation = generation;
        this.answers = answers;
    }

    @GET
    @Path("/products")
    @Operation(summary = "Search products",
            description = "Words of q must all occur in name or description (case-insensitive); page is 0-based.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProductPage.class)))
    @APIResponse(responseCode = "400", description = "a parameter is invalid; the problem names it")
    public Response products(@QueryParam("q") String q, @QueryParam("category") String category,
            @QueryParam("minPrice") @Parameter(schema = @Schema(type = SchemaType.NUMBER)) String minPrice,
            @QueryParam("maxPrice") @Parameter(schema = @Schema(type = SchemaType.NUMBER)) String maxPrice,
            @QueryParam("sort")
            @Parameter(schema = @Schema(enumeration = { "name", "-name", "price", "-price" })) String sort,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) String page,
            @QueryParam("size")
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100")) String size) {
        ProductFilter filter = ProductQueryParser.filter(q, category, minPrice, maxPrice, sort);
        int pageIndex = ProductQueryParser.page(page);
        int pageSize = ProductQueryParser.size(size);
        long active = generation.require();
        return Response.ok(reads.page(active, filter, pageIndex, pageSize).json().getBytes(), ProductAnswers.PAGE_JSON)
                .header(CatalogHeaders.GENERATION, active).build();
    }

    @GET
    @Path("/products/{sku}")
    @Operation(summary = "One product",
            description = "With ETag (changes with the generation and the product) and If-None-Match support.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Product.class)))
    @APIResponse(responseCode = "304", description = "the If-None-Match tag still matches")
    @APIResponse(responseCode = "400", description = "not a well-formed SKU; the problem names the field")
    @APIResponse(responseCode = "404", description = "no such product in the active generation")
    public Response product(@PathParam("sku") String sku, @HeaderParam("If-None-Match") String ifNoneMatch) {
        if (!Sku.isValid(sku)) {
            throw ProblemException.badField("sku", Sku.RULE_IN_FULL);
        }
        long active = generation.require();
        CatalogReads.ProductBody body = reads.product(active, sku)
                .orElseThrow(() -> ProblemException.notFound(
                        "no product with sku " + sku + " in generation " + active));
        Response.ResponseBuilder response = ProductAnswers.matches(ifNoneMatch, body.etag())
                ? Response.notModified()
                : Response.ok(body.json().getBytes(), ProductAnswers.PRODUCT_JSON);
        return response.header("ETag", body.etag()).header("Cache-Control", answers.productCacheControl())
                .header(CatalogHeaders.GENERATION, active).build();
    }

    @GET
    @Path("/categories")
    @Operation(summary = "Categories with their product counts")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CategoryCount.class)))
    public Response categories() {
        long active = generation.require();
        return Response.ok(reads.categories(active)).header(CatalogHeaders.GENERATION, active).build();
    }
}
