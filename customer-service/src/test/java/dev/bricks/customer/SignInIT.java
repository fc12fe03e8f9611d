package dev.bricks.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.customer.support.Api;
import dev.bricks.testing.Launcher;
import dev.bricks.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class SignInIT {

    @Inject
    JWTParser parser;

    @Test
    void theTokenCarriesIssuerSubjectEmailAndTheCustomerGroup() throws Exception {
        String email = Api.uniqueEmail("claims");
        String id = Api.register(email, Api.PASSWORD, "Grace Hopper").then().statusCode(201).extract().path("id");

        Response answer = Api.signIn(email.toUpperCase(), Api.PASSWORD);
        answer.then().statusCode(200).body("expiresIn", equalTo(900));
        String header = new String(Base64.getUrlDecoder().decode(answer.<String>path("accessToken").split("\\.")[0]),
                StandardCharsets.UTF_8);
        assertTrue(header.contains("\"RS256\""), header);

        JsonWebToken token = parser.parse(answer.path("accessToken")); // verifies signature and issuer
        assertEquals(TestTokens.ISSUER, token.getIssuer());
        assertEquals(id, token.getSubject());
        assertEquals(email, token.getName()); // upn
        assertEquals(email, token.getClaim("email"));
        assertEquals(Set.of("customer"), token.getGroups());
        assertEquals(900, token.getExpirationTime() - token.getIssuedAtTime());
    }

    @Test
    void wrongPasswordAndUnknownEmailAreIndistinguishable() {
        String email = Api.uniqueEmail("known");
        Api.register(email, Api.PASSWORD, "Known").then().statusCode(201);

        String unknown = Api.uniqueEmail("unknown");
        Response wrongPassword = Api.signIn(email, "wrong password!");
        Response unknownEmail = Api.signIn(unknown, Api.PASSWORD);

        wrongPassword.then().statusCode(401).contentType("application/problem+json");
        assertEquals(wrongPassword.statusCode(), unknownEmail.statusCode());
        // the same body but for the trace id, which names each request
        assertEquals(withoutTraceId(wrongPassword), withoutTraceId(unknownEmail));
        assertEquals(wrongPassword.contentType(), unknownEmail.contentType());
        assertEquals(wrongPassword.header("WWW-Authenticate"), unknownEmail.header("WWW-Authenticate"));
        // nor does either body echo the e-mail it was given
        assertFalse(wrongPassword.asString().contains(email) || unknownEmail.asString().contains(unknown),
                wrongPassword.asString());
    }

    @Test
    void repeatedFailuresForOneEmailAreSlowedDown() {
        String email = Api.uniqueEmail("guessed");
        Api.register(email, Api.PASSWORD, "Target").then().statusCode(201);
        for (int i = 0; i < 6; i++) { // 5 free failures, the 6th blocks the e-mail
            Api.signIn(email, "guess number " + i).then().statusCode(401);
        }
        Api.signIn(email, Api.PASSWORD).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1));
        // another e-mail is not affected
        Api.signIn(Api.uniqueEmail("bystander"), "whatever it is").then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = { "nul\u0000@it.bricks.test", "tab\t@it.bricks.test" })
    void anEmailWithAControlCharacterIsA400NamingIt(String email) {
        Api.signIn(email, Api.PASSWORD).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("email"));
    }

    @Test
    void theBootstrappedStaffAccountGetsAStaffToken() throws Exception {
        String email = Launcher.env("BRICKS_STAFF_EMAIL", null);
        String password = Launcher.env("BRICKS_STAFF_PASSWORD", null);
        assertNotNull(email, "run the ITs with the launcher's environment (eval \"$(./bricks env)\")");
        JsonWebToken token = parser.parse(
                Api.signIn(email, password).then().statusCode(200).extract().path("accessToken"));
        assertEquals(Set.of("staff"), token.getGroups());
        given().auth().oauth2(token.getRawToken()).get("/api/customers/me")
                .then().statusCode(200).body("role", equalTo("staff"));
    }

    @Test
    void expiredAndTamperedTokensAreRejected() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(TestTokens.expiredCustomer(id, "expired@it.bricks.test")).get("/api/customers/me")
                .then().statusCode(401).contentType("application/problem+json");

        String[] parts = Api.newCustomerToken("tampered").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"customer\"", "\"staff\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged).get("/api/customers/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private static String withoutTraceId(Response problem) {
        return problem.asString().replaceAll(",\"traceId\":\"[0-9a-f]{32}\"", "");
    }
}
