package dev.bricks.catalog.api;

import dev.bricks.catalog.browse.CatalogReads;
import dev.bricks.catalog.store.ProductFilter;
import dev.bricks.contracts.Sku;
import dev.bricks.contracts.catalog.CatalogHeaders;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The hot reads answered on the event loop, ahead of {@link ProductResource}: a product or a search
 * page whose answer for the active generation is already cached is written as its ready bytes, with
 * the headers the resource sends (a matching If-None-Match is a 304). Everything else (a miss, a bad
 * SKU or parameter, no servable generation) goes on to the resource, which reads H2 on a worker
 * thread, fills the cache and answers errors as problems. Measured in BENCHMARKS.md (issue #12):
 * the dispatch to a worker and the JAX-RS pipeline cost more than the answer itself.
 */
@ApplicationScoped
public class CachedReadRoute {

    static final String PRODUCTS = "/api/catalog/products";
    private static final CharSequence GENERATION = HttpHeaders.createOptimized(CatalogHeaders.GENERATION);
    private static final CharSequence PRODUCT_JSON = HttpHeaders.createOptimized(ProductAnswers.PRODUCT_JSON);
    private static final CharSequence PAGE_JSON = HttpHeaders.createOptimized(ProductAnswers.PAGE_JSON);

    private final ActiveGeneration generation;
    private final CatalogReads reads;
    private final ProductAnswers answers;
    private final LongAdder productsAnswered = new LongAdder();
    private final LongAdder pagesAnswered = new LongAdder();

    public CachedReadRoute(ActiveGeneration generation, CatalogReads reads, ProductAnswers answers,
            MeterRegistry meters) {
        this.generation = generation;
        this.reads = reads;
        this.answers = answers;
        // a LongAdder read at scrape time: a registered Counter costs a composite-registry walk per answer
        for (Map.Entry<String, LongAdder> read : Map.of("product", productsAnswered, "search", pagesAnswered)
                .entrySet()) {
            FunctionCounter.builder("catalog.cached.answers", read.getValue(), LongAdder::sum)
                    .tag("read", read.getKey()).description("answers written from the cache on the event loop")
                    .register(meters);
        }
    }

    void register(@Observes Router router) {
        router.get(PRODUCTS + "/:sku").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::product);
        router.get(PRODUCTS).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::search);
    }

    private void product(RoutingContext ctx) {
        String sku = ctx.pathParam("sku");
        OptionalLong active;
        Optional<CatalogReads.ProductBody> body;
        if (ctx.request().path().endsWith("/") || !Sku.isValid(sku)
                || (active = generation.servable()).isEmpty()
                || (body = reads.cachedProduct(active.getAsLong(), sku)).isEmpty()) {
            ctx.next();
            return;
        }
        CatalogReads.ProductBody product = body.get();
        HttpServerResponse response = ctx.response();
        response.putHeader(HttpHeaders.ETAG, product.etag())
                .putHeader(HttpHeaders.CACHE_CONTROL, answers.productCacheControl())
                .putHeader(GENERATION, Long.toString(active.getAsLong()));
        productsAnswered.increment();
        if (ProductAnswers.matches(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), product.etag())) {
            response.setStatusCode(304).end();
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, PRODUCT_JSON).end(product.json());
        }
    }

    private void search(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        OptionalLong active;
        if (!request.path().equals(PRODUCTS) || (active = generation.servable()).isEmpty()) {
            ctx.next();
            return;
        }
        Optional<CatalogReads.PageBody> body;
        try {
            ProductFilter filter = ProductQueryParser.filter(request.getParam("q"), request.getParam("category"),
                    request.getParam("minPrice"), request.getParam("maxPrice"), request.getParam("sort"));
            body = reads.cachedPage(active.getAsLong(), filter, ProductQueryParser.page(request.getParam("page")),
                    ProductQueryParser.size(request.getParam("size")));
        } catch (RuntimeException invalid) {
            // the resource answers the same parameters with the 400 that names the parameter
            ctx.next();
            return;
        }
        if (body.isEmpty()) {
            ctx.next();
            return;
        }
        pagesAnswered.increment();
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, PAGE_JSON)
                .putHeader(GENERATION, Long.toString(active.getAsLong())).end(body.get().json());
    }
}
