package io.tienda.e2e;

import io.tienda.e2e.Accounts.Account;
import io.tienda.e2e.Checkouts.Placed;
import io.tienda.e2e.Checkouts.Product;
import io.tienda.e2e.Checkouts.Shopper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staff dashboard in a real browser (headless Chromium through chromedriver, both from the Debian
 * registry), served through the gateway: the analyst signs in on the page, and the tiles, charts and
 * tables fill from a fleet that has taken an order. A screenshot goes to
 * {@code e2e/target/dashboard.png}.
 */
@ExtendWith(Fleet.class)
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("tienda.e2e.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("tienda.e2e.chromedriver",
            "/usr/bin/chromedriver"));
    private static final List<String> TILES = List.of("kpi-gmv", "kpi-net-revenue", "kpi-orders", "kpi-aov",
            "kpi-units", "kpi-refund-rate", "kpi-conversion");

    @Test
    void theAnalystSignsInAndSeesTilesChartsAndTablesFilledFromTheFleet() throws IOException {
        assertThat(CHROMIUM).as("apt-get install -y chromium chromium-driver").isExecutable();
        assertThat(CHROMEDRIVER).as("apt-get install -y chromium chromium-driver").isExecutable();
        String orderId = anOrderTheAnalyticsHaveSeen();

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
                "--window-size=1400,1600");
        // the console, to see what the page's Content-Security-Policy refused
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(Fleet.gateway().resolve("/dashboard/").toString());
            WebElement root = browser.findElement(By.id("dashboard"));
            assertThat(root.getAttribute("data-state")).isEqualTo("login");

            // a wrong password is refused on the page
            browser.findElement(By.id("login-email")).sendKeys("analyst@tienda.local");
            browser.findElement(By.id("login-password")).sendKeys("not-the-password");
            browser.findElement(By.id("login-submit")).click();
            await("the refusal on the page").atMost(Duration.ofSeconds(30))
                    .until(() -> browser.findElement(By.id("login-error")).isDisplayed());
            assertThat(root.getAttribute("data-state")).isEqualTo("login");

            browser.findElement(By.id("login-password")).clear();
            browser.findElement(By.id("login-password")).sendKeys("Analyst!2345");
            browser.findElement(By.id("login-submit")).click();
            await("every tile, chart and table filled").atMost(Duration.ofSeconds(60)).until(() -> {
                String state = browser.findElement(By.id("dashboard")).getAttribute("data-state");
                if ("error".equals(state)) {
                    throw new AssertionError("the dashboard failed: " + browser.findElement(By.id("error")).getText());
                }
                return "ready".equals(state);
            });

            for (String tile : TILES) {
                WebElement element = browser.findElement(By.id(tile));
                assertThat(element.getAttribute("data-state")).as(tile).isEqualTo("ready");
                assertThat(element.findElement(By.className("value")).getText()).as(tile).isNotBlank().isNotEqualTo("–");
            }
            assertThat(Integer.parseInt(browser.findElement(By.id("kpi-orders")).findElement(By.className("value"))
                    .getText().replaceAll("[^0-9]", ""))).as("orders in the period").isPositive();
            for (String chart : List.of("sales-chart", "funnel-chart")) {
                assertThat(browser.findElement(By.id(chart)).getAttribute("data-state")).as(chart).isEqualTo("ready");
            }
            for (String table : List.of("funnel", "top-products", "recent-orders")) {
                WebElement element = browser.findElement(By.id(table));
                assertThat(element.getAttribute("data-state")).as(table).isEqualTo("ready");
                assertThat(Integer.parseInt(element.getAttribute("data-rows"))).as(table + " rows").isPositive();
            }
            // the newest order placed, whatever sold most before it (benchmarks leave best sellers behind)
            assertThat(browser.findElement(By.id("recent-orders")).getText()).as("the order just placed")
                    .contains(orderId.substring(0, 8));
            assertThat(browser.findElement(By.id("cohorts")).getAttribute("data-state")).isEqualTo("ready");
            assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                    .as("what the page's Content-Security-Policy refused")
                    .noneMatch(message -> message.contains("Content Security Policy"));
            assertThat(browser.findElement(By.id("low-stock")).getAttribute("data-state")).isEqualTo("ready");

            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Path target = Files.createDirectories(Path.of("target")).resolve("dashboard.png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("dashboard screenshot: " + target.toAbsolutePath());
            assertThat(Files.size(target)).isGreaterThan(10_000);
        } finally {
            browser.quit();
        }
    }

    /** Buys ten units of a new SKU and waits until analytics has the order; answers the order's id. */
    private static String anOrderTheAnalyticsHaveSeen() {
        Product product = Checkouts.productWithStock("DASH", 20);
        Shopper shopper = Checkouts.newShopper();
        assertThat(Checkouts.fillCart(shopper, product.sku(), 10).status()).isEqualTo(200);
        Placed placed = Checkouts.placeOrder(shopper, "dashboard-" + UUID.randomUUID(), "pm_card_visa");
        assertThat(placed.accepted()).as(placed.status() + " " + placed.problem()).isTrue();
        String analyst = Accounts.session(Account.ANALYST).accessToken();
        await("analytics has the order").atMost(Checkouts.EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Api.Reply reply = Checkouts.call("GET", "/api/v1/analytics/recent-orders?limit=10", null, analyst);
                    return reply.status() == 200 && reply.body().contains(placed.orderId());
                });
        return placed.orderId();
    }
}
