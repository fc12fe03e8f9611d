package dev.bricks.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.contracts.order.OrderPlaced;
import dev.bricks.order.store.OrderStore;
import dev.bricks.order.support.FakeTokenEndpoint;
import dev.bricks.order.support.OrderRecords;
import dev.bricks.order.support.OrderServiceTestResources;
import dev.bricks.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The back-office page in Debian's headless Chromium: sign in (against the stand-in token
 * endpoint), filter, page, open an order, fulfil it, sign out.
 */
@QuarkusTest
@QuarkusTestResource(OrderServiceTestResources.class)
class BackofficePageIT {

    @TestHTTPResource("/backoffice")
    URL backoffice;

    @Inject
    OrderStore store;

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        profile = Files.createTempDirectory("bricks-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("bricks.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("bricks.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private WebElement find(String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    private void signIn(String email, String password) {
        find("email").clear();
        find("email").sendKeys(email);
        find("password").sendKeys(password);
        find("signin").click();
    }

    @Test
    void staffSignInFilterPageOpenAndFulfilAnOrder() {
        String customerId = UUID.randomUUID().toString();
        String email = "page-" + customerId + "@example.com";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<OrderPlaced> newestFirst = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            OrderPlaced order = OrderRecords.order(customerId, email, "BRK-PAGE", now.minus(i, ChronoUnit.MINUTES));
            store.storeOnce(order);
            newestFirst.add(order);
        }

        browser.get(backoffice.toString());
        signIn(FakeTokenEndpoint.STAFF_EMAIL, "wrong password");
        assertEquals("Wrong e-mail or password.", find("error").getText());
        signIn(FakeTokenEndpoint.STAFF_EMAIL, FakeTokenEndpoint.STAFF_PASSWORD);
        assertEquals(FakeTokenEndpoint.STAFF_EMAIL, find("staff").getText());
        Cookie session = browser.manage().getCookieNamed("bricks_staff");
        assertTrue(session.isHttpOnly(), "the staff token is out of reach of scripts");

        find("filter-email").sendKeys(email);
        find("apply").click();
        assertEquals("21 orders", find("count").getText());
        List<WebElement> rows = browser.findElements(By.cssSelector("#orders tr.order"));
        assertEquals(20, rows.size());
        assertEquals(newestFirst.get(0).orderId(), rows.get(0).getAttribute("data-id"));
        assertEquals("page 1 of 2", find("page").getText());
        find("next").click();
        assertEquals("page 2 of 2", find("page").getText());
        rows = browser.findElements(By.cssSelector("#orders tr.order"));
        assertEquals(1, rows.size());
        assertEquals(newestFirst.get(20).orderId(), rows.get(0).getAttribute("data-id"));

        rows.get(0).findElement(By.tagName("a")).click();
        assertEquals(newestFirst.get(20).orderId(), find("order-id").getText());
        assertEquals("PLACED", find("order-status").getText());
        assertEquals("28.99 EUR", find("order-total").getText());
        find("fulfil").click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBe(By.id("order-status"), "FULFILLED"));
        List<WebElement> by = browser.findElements(By.cssSelector("#history td.by"));
        assertEquals(FakeTokenEndpoint.STAFF_EMAIL, by.get(by.size() - 1).getText());
        assertTrue(browser.findElements(By.id("fulfil")).isEmpty(), "a fulfilled order offers no more actions");

        given().auth().oauth2(TestTokens.staff(UUID.randomUUID().toString(), "api@bricks.test"))
                .get("/api/orders/" + newestFirst.get(20).orderId()).then().statusCode(200)
                .body("status", equalTo("FULFILLED")).body("history[1].by", equalTo(FakeTokenEndpoint.STAFF_EMAIL));

        find("signout").click();
        find("signin");
        assertFalse(browser.manage().getCookies().stream().anyMatch(c -> c.getName().equals("bricks_staff")));
    }

    @Test
    void aCustomerAccountCannotSignInToTheBackoffice() {
        browser.get(backoffice.toString());
        signIn(FakeTokenEndpoint.CUSTOMER_EMAIL, FakeTokenEndpoint.CUSTOMER_PASSWORD);
        assertEquals("This account is not a staff account.", find("error").getText());
        browser.get(backoffice + "/orders/" + UUID.randomUUID());
        find("signin");
    }
}
