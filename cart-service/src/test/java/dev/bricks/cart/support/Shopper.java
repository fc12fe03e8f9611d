package dev.bricks.cart.support;

import static io.restassured.RestAssured.given;

import dev.bricks.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** A shopper calling the cart API over HTTP, anonymous or with a customer token. */
public class Shopper {

    private final String token;
    public final String customerId;
    public final String email;

    private Shopper(String customerId, String email, String token) {
        this.customerId = customerId;
        this.email = email;
        this.token = token;
    }

    public static Shopper anonymous() {
        return new Shopper(null, null, null);
    }

    /** A customer as customer-service signs them: the subject is a customer id (a UUID). */
    public static Shopper customer() {
        String id = UUID.randomUUID().toString();
        String email = "cust-" + id + "@example.test";
        return new Shopper(id, email, TestTokens.customer(id, email));
    }

    /** A caller with a token of its own making (or a bare Authorization header value). */
    public static Shopper withAuthorization(String header) {
        return new Shopper(null, null, null) {
            @Override
            public RequestSpecification request() {
                return given().header("Authorization", header);
            }
        };
    }

    public RequestSpecification request() {
        RequestSpecification spec = given();
        return token == null ? spec : spec.auth().oauth2(token);
    }

    public String newCart() {
        return request().post("/api/carts").then().statusCode(201).extract().path("id");
    }

    public Response show(String cartId) {
        return request().get("/api/carts/{id}", cartId);
    }

    public Response set(String cartId, String sku, Object quantity) {
        return request().contentType(ContentType.JSON).body("{\"quantity\":" + quantity + "}")
                .put("/api/carts/{id}/items/{sku}", cartId, sku);
    }

    public Response remove(String cartId, String sku) {
        return request().delete("/api/carts/{id}/items/{sku}", cartId, sku);
    }

    public Response checkout(String cartId) {
        return request().post("/api/carts/{id}/checkout", cartId);
    }

    /** A unique SKU known to the catalog stub. */
    public static String product(String name, String amount) {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 12);
        CatalogStub.get().product(sku, name, amount);
        return sku;
    }
}
