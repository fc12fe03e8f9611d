package dev.bricks.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.contracts.order.OrderPlaced;
import dev.bricks.order.store.OrderStore;
import dev.bricks.order.support.DeadLetters;
import dev.bricks.order.support.FakeTokenEndpoint;
import dev.bricks.order.support.OrderRecords;
import dev.bricks.order.support.OrderServiceTestResources;
import dev.bricks.order.support.OrdersDb;
import dev.bricks.testing.Kafka;
import dev.bricks.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The back-office page in Debian's headless Chromium, as a person uses it: sign in (against the
 * stand-in token endpoint), the summary with its chart, filter, page, search, open an order, fulfil
 * it, find a dead-lettered order and replay it, sign out. The browser runs in Europe/Berlin, so the
 * page's times are Berlin's. Screenshots go to {@code target/screenshots/}.
 */
@QuarkusTest
@QuarkusTestResource(OrderServiceTestResources.class)
class BackofficePageIT {

    private static final ZoneId BROWSER_ZONE = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Locale.ENGLISH);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String STAFF_API = TestTokens.staff(UUID.randomUUID().toString(), "api@bricks.test");

    @TestHTTPResource("/backoffice")
    URL backoffice;

    @ConfigProperty(name = "bricks.orders.topic")
    String topic;

    @ConfigProperty(name = "bricks.orders.dlq-topic")
    String deadLetterTopic;

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
                "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .withEnvironment(Map.of("TZ", BROWSER_ZONE.getId()))
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

    /**
     * Clicks a link or a form's button and waits until the browser has left the page: every click of
     * the back office loads a page, and an element found before the new page arrived is stale.
     */
    private void follow(WebElement clickable) {
        WebElement page = browser.findElement(By.tagName("html"));
        clickable.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
    }

    private void signIn(String email, String password) {
        find("email").clear();
        find("email").sendKeys(email);
        find("password").sendKeys(password);
        follow(find("signin"));
    }

    private void signInAsStaff() {
        browser.get(backoffice.toString());
        signIn(FakeTokenEndpoint.STAFF_EMAIL, FakeTokenEndpoint.STAFF_PASSWORD);
        find("staff");
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** At a phone's width (390 CSS pixels) the page needs no sideways scrolling. */
    private void assertFitsAPhone(String name) throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        screenshot(name + "-phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));
        assertEquals(0L, ((Number) overflow).longValue(), name + " scrolls sideways on a phone");
    }

    private static String readable(Instant instant) {
        return READABLE.format(instant.atZone(BROWSER_ZONE));
    }

    /** Replays on the dead letter's page, waits for the page to show the new replay, returns its outcome. */
    private String replayOnThePage(int replaysBefore) {
        follow(find("replay"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                b -> b.findElements(By.cssSelector("#replays tr.replay-row")).size() == replaysBefore + 1);
        List<WebElement> outcomes = browser.findElements(By.cssSelector("#replays td.outcome"));
        return outcomes.get(outcomes.size() - 1).getText();
    }

    private static void assertStoredOnce(OrderPlaced order, int historyRows) {
        List<UUID> id = List.of(UUID.fromString(order.orderId()));
        assertEquals(1, OrdersDb.orders(id), "orders of " + order.orderId());
        assertEquals(2, OrdersDb.count("order_lines", id), "lines of " + order.orderId());
        assertEquals(historyRows, OrdersDb.count("order_status_history", id), "history of " + order.orderId());
    }

    /** Today's orders in the browser's zone by status, as the database has them. */
    private static Map<String, Long> todaysCounts() throws SQLException {
        LocalDate today = LocalDate.now(BROWSER_ZONE);
        Map<String, Long> counts = new HashMap<>(Map.of("PLACED", 0L, "FULFILLED", 0L, "CANCELLED", 0L));
        try (Connection c = OrdersDb.connect(); PreparedStatement s = c.prepareStatement(
                "select status, count(*) from orders where placed_at >= ? and placed_at < ? group by status")) {
            s.setTimestamp(1, Timestamp.from(today.atStartOfDay(BROWSER_ZONE).toInstant()));
            s.setTimestamp(2, Timestamp.from(today.plusDays(1).atStartOfDay(BROWSER_ZONE).toInstant()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return counts;
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
        assertEquals(BROWSER_ZONE.getId(), find("zone").getText(), "the browser's zone, taken at sign-in");

        follow(find("nav-orders"));
        find("filter-email").sendKeys(email);
        follow(find("apply"));
        assertEquals("21 orders", find("count").getText());
        List<WebElement> rows = browser.findElements(By.cssSelector("#orders tr.order"));
        assertEquals(20, rows.size());
        assertEquals(newestFirst.get(0).orderId(), rows.get(0).getAttribute("data-id"));
        assertEquals("page 1 of 2", find("page").getText());
        follow(find("next"));
        assertEquals("page 2 of 2", find("page").getText());
        rows = browser.findElements(By.cssSelector("#orders tr.order"));
        assertEquals(1, rows.size());
        assertEquals(newestFirst.get(20).orderId(), rows.get(0).getAttribute("data-id"));

        follow(rows.get(0).findElement(By.tagName("a")));
        assertEquals(newestFirst.get(20).orderId(), find("order-id").getText());
        assertEquals("PLACED", find("order-status").getText());
        assertEquals("28.99 EUR", find("order-total").getText());
        assertEquals(readable(newestFirst.get(20).placedAt()), find("order-placed").getText());
        follow(find("fulfil"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBe(By.id("order-status"), "FULFILLED"));
        List<WebElement> by = browser.findElements(By.cssSelector("#history td.by"));
        assertEquals(FakeTokenEndpoint.STAFF_EMAIL, by.get(by.size() - 1).getText());
        assertTrue(browser.findElements(By.id("fulfil")).isEmpty(), "a fulfilled order offers no more actions");

        given().auth().oauth2(STAFF_API)
                .get("/api/orders/" + newestFirst.get(20).orderId()).then().statusCode(200)
                .body("status", equalTo("FULFILLED")).body("history[1].by", equalTo(FakeTokenEndpoint.STAFF_EMAIL));

        follow(find("customer-orders"));
        assertEquals("21 orders", find("count").getText());
        // one box, from the keyboard: an order id opens the order, an e-mail lists the customer's orders
        find("search").sendKeys(newestFirst.get(3).orderId(), Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBe(By.id("order-id"), newestFirst.get(3).orderId()));
        find("search").sendKeys(email.toUpperCase(Locale.ROOT), Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBe(By.id("count"), "21 orders"));

        follow(find("signout"));
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

    @Test
    void theSummaryShowsTodayInAChartWithCountsByStatusTheNewestOrdersAndTheDeadLetters() throws Exception {
        String email = "glance-" + UUID.randomUUID() + "@example.com";
        OrderPlaced newest = null;
        for (int i = 3; i >= 0; i--) {
            newest = OrderRecords.order(UUID.randomUUID().toString(), email, "BRK-GLANCE",
                    Instant.now().minus(i, ChronoUnit.SECONDS));
            store.storeOnce(newest);
        }
        given().auth().oauth2(STAFF_API).post("/api/orders/" + newest.orderId() + "/cancel").then().statusCode(200);
        long openDeadLetters = given().auth().oauth2(STAFF_API).queryParam("size", 1)
                .get("/api/orders/dead-letters").then().statusCode(200).extract().<Integer>path("totalItems");

        signInAsStaff();
        Map<String, Long> today = todaysCounts();
        long total = today.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(Long.toString(total), find("orders-count").getText());
        today.forEach((status, count) -> assertEquals(Long.toString(count), find("count-" + status).getText(),
                status));
        List<WebElement> bars = browser.findElements(By.cssSelector("#orders-chart rect.bar"));
        assertEquals(1, bars.size(), "today is one bar");
        assertEquals(Long.toString(total), bars.get(0).getAttribute("data-value"));
        assertFalse(browser.findElements(By.id("revenue-chart-EUR")).isEmpty(), "a revenue chart in EUR");
        WebElement first = browser.findElements(By.cssSelector("#newest tr.order")).get(0);
        assertEquals(newest.orderId(), first.getAttribute("data-id"));
        assertEquals(readable(newest.placedAt()), first.findElement(By.tagName("time")).getText());
        assertEquals("28.99 EUR", first.findElement(By.cssSelector("td.num")).getText());
        assertEquals(Long.toString(openDeadLetters), find("dead-letters-count").getText());
        screenshot("summary-today");
        assertFitsAPhone("summary-today");

        follow(find("range-7d"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                b -> b.findElements(By.cssSelector("#orders-chart rect.bar")).size() == 7);
        bars = browser.findElements(By.cssSelector("#orders-chart rect.bar"));
        assertEquals(Long.toString(total), bars.get(6).getAttribute("data-value"), "the last of 7 days is today");
        screenshot("summary-7-days");

        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('range-from').value = arguments[0];"
                        + "document.getElementById('range-to').value = arguments[1];",
                LocalDate.now(BROWSER_ZONE).minusDays(2).toString(), LocalDate.now(BROWSER_ZONE).toString());
        follow(find("range-custom"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                b -> b.findElements(By.cssSelector("#orders-chart rect.bar")).size() == 3);

        follow(find("dead-letters-link"));
        assertEquals(openDeadLetters + " dead letters", find("dl-count").getText());
    }

    @Test
    void aDeadLetteredOrderIsListedAndItsReplayStoresItOnceAfterTheCauseIsFixed() throws Exception {
        String email = "refused-" + UUID.randomUUID() + "@example.com";
        String constraint = "it_refuse_" + UUID.randomUUID().toString().replace("-", "");
        OrderPlaced order = OrderRecords.order(UUID.randomUUID().toString(), email, "BRK-DLQ", Instant.now());
        // the cause: the database refuses this customer's orders (SQLSTATE 23514), so the drain dead-letters it
        OrdersDb.execute("alter table orders add constraint " + constraint + " check (email <> '" + email
                + "') not valid");
        try {
            Kafka.publish(topic, order.orderId(), OrderRecords.json(order));
            DeadLetters.awaitIndexed(deadLetterTopic, order.orderId());

            signInAsStaff();
            follow(find("dead-letters-link"));
            WebElement row = find("dead-letters").findElement(
                    By.cssSelector("tr.dead-letter[data-order='" + order.orderId() + "']"));
            assertTrue(row.findElement(By.cssSelector("td.reason")).getText().contains(constraint));
            assertTrue(row.getText().contains(email), "the customer, read from the record");
            screenshot("dead-letters");
            assertFitsAPhone("dead-letters");
            row = find("dead-letters").findElement(
                    By.cssSelector("tr.dead-letter[data-order='" + order.orderId() + "']"));
            follow(row.findElement(By.tagName("a")));
            assertTrue(find("dl-reason").getText().contains("rejected by the database"));
            assertTrue(find("raw-value").getText().contains(order.orderId()), "the raw record");
            assertEquals(order.orderId(), find("raw-key").getText());
            assertEquals("OPEN", find("dl-status").getText());

            assertEquals("FAILED", replayOnThePage(0), "the cause is still there");
            assertEquals("OPEN", find("dl-status").getText());
            assertTrue(find("dl-reason").getText().contains(constraint), "still dead-lettered, with the new reason");
            assertEquals(0, OrdersDb.orders(List.of(UUID.fromString(order.orderId()))));

            OrdersDb.execute("alter table orders drop constraint " + constraint);
            assertEquals("STORED", replayOnThePage(1));
            assertEquals("REPLAYED", find("dl-status").getText());
            assertStoredOnce(order, 1);
            screenshot("dead-letter-replayed");

            assertEquals("ALREADY_STORED", replayOnThePage(2), "a second replay stores nothing twice");
            assertStoredOnce(order, 1);
            List<WebElement> by = browser.findElements(By.cssSelector("#replays tr.replay-row td:nth-child(2)"));
            assertEquals(FakeTokenEndpoint.STAFF_EMAIL, by.get(by.size() - 1).getText(), "who replayed it");

            follow(find("dl-order").findElement(By.tagName("a")));
            assertEquals(order.orderId(), find("order-id").getText());
        } finally {
            OrdersDb.execute("alter table orders drop constraint if exists " + constraint);
        }
    }

    @Test
    void replayingADeadLetteredCopyOfAStoredOrderChangesNothing() throws Exception {
        OrderPlaced order = OrderRecords.order();
        store.storeOnce(order);
        given().auth().oauth2(STAFF_API).post("/api/orders/" + order.orderId() + "/fulfil").then().statusCode(200);
        DeadLetters.publish(deadLetterTopic, order.orderId(), OrderRecords.json(order),
                "it: dead-lettered although stored " + UUID.randomUUID());
        long id = DeadLetters.awaitIndexed(deadLetterTopic, order.orderId());

        signInAsStaff();
        browser.get(backoffice + "/dead-letters/" + id);
        assertEquals("ALREADY_STORED", replayOnThePage(0));
        assertEquals("REPLAYED", find("dl-status").getText());
        screenshot("dead-letter-already-stored");
        assertStoredOnce(order, 2);
        given().auth().oauth2(STAFF_API).get("/api/orders/" + order.orderId()).then().statusCode(200)
                .body("status", equalTo("FULFILLED"));
    }
}
