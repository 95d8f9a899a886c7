package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at the keyboard, in headless Chromium with JavaScript off: signs in, writes a post with
 * å, ä, ö, a list and an image caption, finds it on the front page and on its own page, and sends
 * a form with an error to find everything typed still there. Screenshots go to local/target/screenshots.
 */
class BrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("inlagg.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("inlagg.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static ServerExtension env;
    static HttpServer images;
    static WebDriver browser;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        boolean required = "1".equals(System.getenv("INLAGG_REQUIRE_BROWSER"));
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (required && !present) {
            throw new IllegalStateException("Chromium is required here: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "no Chromium: apt-get install -y chromium chromium-driver");
        env = new ServerExtension();
        base = env.server.baseUri().toString();
        images = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] png = picture();
        images.createContext("/mote.png", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
            exchange.close();
        });
        images.start();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1000,1400", "--user-data-dir=" + Files.createTempDirectory("inlagg-chromium"));
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (images != null) {
            images.stop(0);
        }
        if (env != null) {
            env.close();
        }
    }

    @Test
    void anAuthorSignsInWritesAPostAndReadersFindIt() throws Exception {
        signIn();

        String image = "http://127.0.0.1:" + images.getAddress().getPort() + "/mote.png";
        type("title", "Månadsmöte i Ystad: rutiner för frigivning");
        type("body", "Vi träffades på anstalten i Ystad.\n\n- gemensamma rutiner vid frigivning\n- en kontaktperson per klient\n- uppföljning varje kvartal");
        type("authorName", "Åsa Öberg");
        type("authorRole", "Frivårdsinspektör");
        type("authorOffice", "Frivården Malmö");
        type("tags", "Frivård, Samverkan");
        type("publishedAt", "2019-01-30");
        type("imageUrl", image);
        type("imageAlt", "Deltagarna runt mötesbordet");
        type("imageCaption", "Månadsmötet i Ystad. Foto: Åsa Öberg");
        browser.findElement(By.cssSelector("button[value=publish]")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.post")));

        assertTrue(browser.getCurrentUrl().endsWith("/posts/manadsmote-i-ystad-rutiner-for-frigivning"),
                () -> browser.getCurrentUrl() + "\n" + browser.findElement(By.tagName("main")).getText());
        assertEquals("Månadsmöte i Ystad: rutiner för frigivning", browser.findElement(By.tagName("h1")).getText());
        List<String> bullets = browser.findElements(By.cssSelector(".body li")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("gemensamma rutiner vid frigivning", "en kontaktperson per klient", "uppföljning varje kvartal"), bullets);
        assertEquals("Månadsmötet i Ystad. Foto: Åsa Öberg", browser.findElement(By.tagName("figcaption")).getText());
        WebElement img = browser.findElement(By.cssSelector("figure img"));
        assertEquals("Deltagarna runt mötesbordet", img.getDomAttribute("alt"));
        assertTrue(browser.findElement(By.cssSelector(".meta")).getText().contains("Åsa Öberg, Frivårdsinspektör, Frivården Malmö"));
        screenshot("post.png");

        browser.get(base + "/");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.summary")));
        WebElement first = browser.findElement(By.cssSelector("article.summary h2 a"));
        assertEquals("Månadsmöte i Ystad: rutiner för frigivning", first.getText());
        assertTrue(browser.findElement(By.cssSelector("article.summary .categories")).getText().contains("Frivård"));
        screenshot("front.png");
    }

    @Test
    void aFormWithAnErrorKeepsEverythingTheAuthorTyped() throws Exception {
        signIn();
        String longText = "Det här är en lång text om klientens bästa, med å, ä och ö. ".repeat(40);
        type("body", longText);
        type("authorName", "Åsa Öberg");
        type("tags", "Frivård");
        type("imageUrl", "javascript:alert('inte en bild')");
        browser.findElement(By.id("title")).clear();
        removeRequired();
        browser.findElement(By.cssSelector("button[value=publish]")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".errors")));

        assertTrue(browser.findElement(By.cssSelector(".errors")).getText().contains("Rubrik"));
        assertEquals(longText.strip(), browser.findElement(By.id("body")).getDomProperty("value").strip());
        assertEquals("Frivård", browser.findElement(By.id("tags")).getDomProperty("value"));
        assertEquals("javascript:alert('inte en bild')", browser.findElement(By.id("imageUrl")).getDomProperty("value"));
        assertTrue(browser.findElement(By.id("imageUrl-error")).getText().contains("http"));
        screenshot("form-error.png");
    }

    /**
     * The browser itself would stop an empty required title before sending; the server's own check
     * is what this test is about, so the attribute goes, as in a browser that ignores it. DevTools
     * works whatever the page's JavaScript setting is.
     */
    private static void removeRequired() {
        ((ChromeDriver) browser).executeCdpCommand("Runtime.evaluate",
                Map.of("expression", "document.getElementById('title').removeAttribute('required')"));
    }

    /** Signs in at the form with the test's author token; the browser lands on the authoring form. */
    private static void signIn() {
        browser.get(base + "/signin");
        browser.findElement(By.id("token")).sendKeys(ServerExtension.TOKEN);
        browser.findElement(By.cssSelector("form.signin button")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("body")));
        assertTrue(browser.getCurrentUrl().endsWith("/write"), browser.getCurrentUrl());
    }

    /** A click that submits a form returns before the next page has loaded; wait for what must come. */
    private static void waitFor(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
    }

    private static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void screenshot(String name) throws Exception {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** A small picture made here, so the post's figure shows a real image with no network. */
    private static byte[] picture() throws Exception {
        BufferedImage image = new BufferedImage(640, 320, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x0b5394));
        g.fillRect(0, 0, 640, 320);
        g.setColor(new Color(0xffbf47));
        g.fillOval(220, 60, 200, 200);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
