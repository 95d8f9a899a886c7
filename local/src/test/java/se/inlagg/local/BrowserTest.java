package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at the keyboard, in headless Chromium with JavaScript off: signs in, writes a post with
 * å, ä, ö, a list and an image caption, finds it on the front page and on its own page, and sends
 * a form with an error to find everything typed still there; a reader searches in Swedish and
 * follows category, archive, author and office links; every page type passes axe-core's WCAG 2.1 AA
 * rules with no violation; search and forms work from the keyboard alone; with JavaScript on, words
 * typed into a post's form and never sent are offered back when it opens again. Screenshots go to
 * local/target/screenshots.
 */
class BrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("inlagg.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("inlagg.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Folders the class makes in /tmp (Chromium's profiles, some 7 MB each, a picture to upload), removed after it. */
    private static final List<Path> FOLDERS = new CopyOnWriteArrayList<>();

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
        byte[] png = TestPictures.png(640, 320);
        images.createContext("/mote.png", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
            exchange.close();
        });
        images.start();

        browser = chromium(false);
        Files.createDirectories(SCREENSHOTS);
        readerPost("Frivården i Västervik har flyttat", "Efter många möten har vi flyttat till nya lokaler vid torget.",
                "2018-03-04", "Karin Lund", "Frivården Västervik", "Frivård", "Lokaler");
        readerPost("Kontraktsvård i Norrköping", "Kontraktsvården växer.", "2018-02-11", "Per Persson", "Frivården Norrköping",
                "Kontraktsvård");
    }

    /** Headless Chromium, with JavaScript off as a reader who blocks it (or, for axe-core's rules, on). */
    static ChromeDriver chromium(boolean javascript) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1000,1400", "--user-data-dir=" + folder("inlagg-chromium"));
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        // The console, where Chromium reports anything the pages' Content-Security-Policy blocks.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** A folder of the class's own in /tmp, removed after it (nine Chromium profiles and a picture a run were left there before). */
    private static Path folder(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        FOLDERS.add(folder);
        return folder;
    }

    static void readerPost(String title, String body, String date, String author, String office, String... tags) {
        env.http.created(Http.post(title, body, date, author, office, "published", tags));
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
        // Every browser has quit by now: each test quits its own, and the class's is quit above.
        for (Path folder : FOLDERS) {
            TempFolders.delete(folder);
        }
        FOLDERS.clear();
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

        assertTrue(browser.getCurrentUrl().endsWith("/posts/manadsmote-i-ystad-rutiner-for-frigivning?done=published"),
                () -> browser.getCurrentUrl() + "\n" + browser.findElement(By.tagName("main")).getText());
        assertEquals("Inlägget är publicerat och syns för alla.", browser.findElement(By.cssSelector("p.done")).getText());
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
        // Sent as it is: the forms leave their checks to the site, not to the browser's own "Please fill out this field.",
        // in the browser's language, which would keep the site's Swedish summary from coming.
        browser.findElement(By.cssSelector("button[value=publish]")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".errors")));

        assertTrue(browser.findElement(By.cssSelector(".errors")).getText().contains("Rubrik"));
        // What a screen reader says first: the title tells nothing was saved, and the summary has the focus.
        assertTrue(browser.getTitle().startsWith("Fel: Skriv"), browser.getTitle());
        assertEquals("fel", browser.switchTo().activeElement().getAttribute("id"), "the error summary has the focus");
        assertEquals(longText.strip(), browser.findElement(By.id("body")).getDomProperty("value").strip());
        assertEquals("Frivård", browser.findElement(By.id("tags")).getDomProperty("value"));
        assertEquals("javascript:alert('inte en bild')", browser.findElement(By.id("imageUrl")).getDomProperty("value"));
        assertTrue(browser.findElement(By.id("imageUrl-error")).getText().contains("http"));
        screenshot("form-error.png");

        // The summary's link brings its field into view with its label above it, in a window of a laptop's height, not with
        // the field at the window's top edge and its label above it, out of sight.
        var size = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(1280, 700));
        try {
            browser.findElement(By.cssSelector(".errors a[href='#imageUrl']")).click();
            assertEquals("imageUrl", browser.switchTo().activeElement().getDomAttribute("id"));
            assertTrue(topInWindow("label[for=imageUrl]") >= 0, "the label of the field the summary led to is in sight: " + topInWindow("label[for=imageUrl]"));
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    @Test
    void aReaderSearchesInSwedishAndFollowsCategoryArchiveAuthorAndOfficeLinks() throws Exception {
        awaitSearchable("frivard");
        browser.get(base + "/");
        tabTo("sok-q");
        browser.switchTo().activeElement().sendKeys("frivard möte" + Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.hit")));
        assertTrue(browser.getCurrentUrl().contains("/sok?q="), browser.getCurrentUrl());
        WebElement hit = browser.findElement(By.cssSelector("li.hit h2 a"));
        assertEquals("Frivården i Västervik har flyttat", hit.getText());
        List<String> marked = browser.findElements(By.cssSelector("li.hit mark")).stream().map(WebElement::getText).toList();
        assertTrue(marked.contains("möten"), "the words found are marked: " + marked);
        screenshot("search.png");

        hit.click();
        waitFor(ExpectedConditions.urlContains("/posts/frivarden-i-vastervik-har-flyttat"));
        browser.findElement(By.linkText("Lokaler")).click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Kategori: Lokaler"));
        browser.findElement(By.linkText("Karin Lund")).click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Inlägg av Karin Lund"));
        browser.findElement(By.linkText("Frivården Västervik")).click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Inlägg från Frivården Västervik"));
        // The office's own box searches only its posts: "frivården" alone would find Norrköping's too, by its byline.
        assertEquals("Sök bland inläggen från Frivården Västervik", browser.findElement(By.cssSelector("label[for=sok-inom]")).getText());
        browser.findElement(By.id("sok-inom")).sendKeys("frivården" + Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.hit")));
        assertEquals(List.of("Frivården i Västervik har flyttat"),
                browser.findElements(By.cssSelector("li.hit h2 a")).stream().map(WebElement::getText).toList());
        assertEquals("1 inlägg från Frivården Västervik hittades för ”frivården”.", browser.findElement(By.cssSelector("p.found")).getText());
        browser.findElement(By.linkText("Sök efter ”frivården” bland alla inlägg")).click();
        waitFor(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("li.hit"), 1));
        browser.navigate().back();
        browser.navigate().back();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Inlägg från Frivården Västervik"));
        browser.findElement(By.linkText("Arkiv")).click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Arkiv"));
        browser.findElement(By.linkText("Mars 2018")).click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Inlägg från mars 2018"));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Frivården i Västervik har flyttat"));
        browser.findElement(By.linkText("Kategorier")).click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Kategorier"));
        browser.findElement(By.linkText("Kontraktsvård")).click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Kategori: Kontraktsvård"));
        screenshot("category.png");
    }

    /**
     * axe-core in a second Chromium, with JavaScript on: axe's rules run on promises and timers, which a
     * page with JavaScript off never gets to run. Readers' pages have no script of their own and their
     * policy allows none, so they are the same pages either way; a post's form loads the one script,
     * which adds to the page only when it has unsaved words to offer (checked in its own test).
     */
    @Test
    void everyPageTypePassesAxeCoreWithNoViolation() throws Exception {
        Optional<String> axe = AxeCore.script();
        if (axe.isEmpty()) {
            assertFalse("1".equals(System.getenv("INLAGG_REQUIRE_BROWSER")), "axe-core " + AxeCore.VERSION + " could not be fetched with npm");
            Assumptions.abort("axe-core " + AxeCore.VERSION + " could not be fetched with npm here");
        }
        List<String> pages = new ArrayList<>(List.of("/", "/posts/frivarden-i-vastervik-har-flyttat", "/tags/frivard", "/tags",
                "/archive", "/archive/2018-03", "/people", "/people/karin-lund", "/offices", "/offices/frivarden-vastervik", "/signin",
                "/sok?q=", "/finns-inte"));
        awaitSearchable("frivard");
        pages.addAll(List.of("/sok?q=frivård+flyttat", "/sok?q=ingenting+alls+h%C3%A4r", "/sok?q=frivård&tag=Lokaler&month=2018-03",
                "/sok?q=frivård&month=2018-13"));
        // An edited post, for its earlier versions' pages and the form filled in with one.
        String edited = env.http.created(Http.post("Versioner att läsa", "Första texten.\n\n- en punkt", "2018-03-05", "Lokal utvecklare",
                "Frivården Västervik", "published", "Frivård")).path("slug").asText();
        assertEquals(200, env.http.send("PATCH", "/api/posts/" + edited, "application/merge-patch+json",
                "{\"body\": \"Andra texten.\"}".getBytes(StandardCharsets.UTF_8), ServerExtension.TOKEN,
                Map.of("If-Match", "*")).status());
        versionPages = List.of("/posts/" + edited + "/versions", "/posts/" + edited + "/versions/1", "/posts/" + edited + "/edit?from=1");
        ChromeDriver checker = chromium(true);
        try {
            // So the check below cannot pass by seeing nothing: a page with the faults axe looks for.
            checker.get("data:text/html;charset=utf-8,<html><body><img src=x><a href=x></a><input></body></html>");
            List<String> faults = AxeCore.violations(checker, axe.get());
            assertTrue(faults.stream().anyMatch(f -> f.startsWith("image-alt")) && faults.stream().anyMatch(f -> f.startsWith("html-has-lang")),
                    "axe finds the faults of a faulty page: " + faults);
            List<String> found = new ArrayList<>();
            checkEveryPage(checker, axe.get(), pages, "", found);
            assertEquals("rgb(255, 255, 255)", pageBackground(checker), "the light palette without a preference");
            // Again with the reader's system asking for dark: the stylesheet's other palette, every colour pair of it.
            checker.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            checker.get(base + "/");
            assertEquals("rgb(22, 23, 26)", pageBackground(checker), "the dark palette when the system asks for it");
            checkEveryPage(checker, axe.get(), pages, " (dark)", found);
            for (String[] page : new String[][] {{"/posts/frivarden-i-vastervik-har-flyttat", "dark-post.png"}, {"/drafts", "dark-drafts.png"},
                    {versionPages.get(0), "dark-versions.png"}, {versionPages.get(1), "dark-version.png"}}) {
                checker.get(base + page[0]);
                Files.copy(checker.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(page[1]),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            assertEquals(List.of(), found, "axe-core " + AxeCore.VERSION + " found violations");
            System.out.println("axe-core " + AxeCore.VERSION + ": no violations on " + (pages.size() + 3 + versionPages.size()) + " pages, light and dark");
        } finally {
            checker.quit();
        }
    }

    /** Every page of {@code pages}, then the writing form (signing in first when needed), with errors, and the drafts. */
    private static void checkEveryPage(ChromeDriver checker, String axe, List<String> pages, String palette, List<String> found) {
        for (String page : pages) {
            checker.get(base + page);
            AxeCore.violations(checker, axe).forEach(v -> found.add(page + palette + ": " + v));
        }
        checker.get(base + "/write");
        if (checker.findElements(By.id("token")).size() > 0) {
            checker.findElement(By.id("token")).sendKeys(ServerExtension.TOKEN + Keys.ENTER);
        }
        new WebDriverWait(checker, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("body")));
        AxeCore.violations(checker, axe).forEach(v -> found.add("/write" + palette + ": " + v));
        checker.findElement(By.id("body")).sendKeys("Text utan rubrik.");
        checker.findElement(By.id("authorName")).sendKeys("Åsa Öberg");
        checker.findElement(By.cssSelector("button[value=publish]")).click();
        new WebDriverWait(checker, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".errors")));
        AxeCore.violations(checker, axe).forEach(v -> found.add("/write with errors" + palette + ": " + v));
        checker.get(base + "/drafts");
        AxeCore.violations(checker, axe).forEach(v -> found.add("/drafts" + palette + ": " + v));
        for (String page : versionPages) {
            checker.get(base + page);
            AxeCore.violations(checker, axe).forEach(v -> found.add(page + palette + ": " + v));
        }
    }

    /** An author's pages of a post's earlier versions, checked signed in (set by the axe test). */
    private static List<String> versionPages = List.of();

    private static String pageBackground(ChromeDriver driver) {
        return (String) driver.executeScript("return getComputedStyle(document.documentElement).backgroundColor");
    }

    @Test
    void theKeyboardAloneReachesTheContentTheSearchAndTheForms() {
        browser.manage().deleteAllCookies();
        browser.get(base + "/");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement skip = browser.switchTo().activeElement();
        assertEquals("Hoppa till innehållet", skip.getText(), "the first stop is the skip link");
        assertTrue(skip.getRect().getX() >= 0 && skip.isDisplayed(), "it shows when it has focus");
        assertTrue(focusIsVisible(), "a visible focus indicator");
        skip.sendKeys(Keys.ENTER);
        assertTrue(browser.getCurrentUrl().endsWith("#innehall"));
        browser.get(base + "/signin");
        tabTo("token");
        assertTrue(focusIsVisible(), "a visible focus indicator on a field");
        browser.switchTo().activeElement().sendKeys(ServerExtension.TOKEN + Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("body")));
        tabTo("title");
        browser.switchTo().activeElement().sendKeys("Skrivet med tangentbordet");
        tabTo("body");
        browser.switchTo().activeElement().sendKeys("Bara tangenter, ingen mus.");
        tabTo("authorName");
        browser.switchTo().activeElement().sendKeys("Åsa Öberg");
        tabTo("publish-button");
        // A filled button's focus ring stands out from the page around it (WCAG 1.4.11 asks 3:1).
        assertTrue(focusRingContrast() >= 3, "the focus ring's contrast with the page: " + focusRingContrast());
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.urlContains("/posts/skrivet-med-tangentbordet"));
        assertEquals("Skrivet med tangentbordet", browser.findElement(By.tagName("h1")).getText());
        // What was done is said where the focus lands, so a screen reader reads it at once (WCAG 4.1.3).
        WebElement focused = browser.switchTo().activeElement();
        assertEquals("done", focused.getDomAttribute("class"), focused.getText());
        assertEquals("status", focused.getDomAttribute("role"));
        assertTrue(focused.getText().contains("publicerat"), focused.getText());

        // After "Spara och förhandsgranska" the confirmation has the focus, and the next Tab reaches the preview bar's
        // controls, not the post after it.
        browser.get(base + "/posts/skrivet-med-tangentbordet/edit");
        browser.findElement(By.cssSelector("button[value='preview']")).click();
        waitFor(ExpectedConditions.urlContains("/preview?done=saved"));
        WebElement saved = browser.switchTo().activeElement();
        assertEquals("done", saved.getDomAttribute("class"), saved.getText());
        saved.sendKeys(Keys.TAB);
        assertEquals(browser.findElement(By.cssSelector(".preview-bar .links a")), browser.switchTo().activeElement(),
                "the bar's first link: " + browser.switchTo().activeElement().getText());

        // Signed in already, the sign-in page says so without taking the focus: nothing was just done there.
        browser.get(base + "/signin");
        assertTrue(browser.findElement(By.cssSelector(".done")).getText().startsWith("Du är redan inloggad"));
        assertEquals("body", browser.switchTo().activeElement().getTagName(), "the page opens at its start");
    }

    /**
     * With JavaScript on, so Chromium enforces the pages' policy on script at all: the JSON-LD data
     * block draws no report, while a script element added to the same page does (so the console is
     * where such reports show).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theJsonLdOfAPostIsNotBlockedByThePagesPolicyOfNoScript() throws Exception {
        ChromeDriver checker = chromium(true);
        try {
            checker.get(base + "/posts/frivarden-i-vastervik-har-flyttat");
            assertEquals(1, checker.findElements(By.cssSelector("script[type='application/ld+json']")).size());
            Map<String, Object> parsed = checker.executeCdpCommand("Runtime.evaluate", Map.of("expression",
                    "JSON.parse(document.querySelector(\"script[type='application/ld+json']\").textContent)['@type']", "returnByValue", true));
            assertEquals("BlogPosting", ((Map<String, Object>) parsed.get("result")).get("value"));
            assertEquals(List.of(), policyReports(checker), "a data block is not script: the policy has nothing to block");
            checker.executeCdpCommand("Runtime.evaluate", Map.of("expression",
                    "document.head.appendChild(Object.assign(document.createElement('script'), {textContent: 'window.ran = 1'}))"));
            assertFalse(policyReports(checker).isEmpty(), "an inline script on the same page is refused and reported");
        } finally {
            checker.quit();
        }
    }

    /** A draft of this title and text, words added to it in its form, and a link followed before they are saved; its slug. */
    private static String typedIntoItsFormAndLeft(ChromeDriver writer, String title, String text, String words) throws InterruptedException {
        String slug = env.http.created(Http.post(title, text, null, "Lokal utvecklare", "Frivården Gotland", "draft", "Gotland"))
                .path("slug").asText();
        signIn(writer);
        writer.get(base + "/posts/" + slug + "/edit");
        offerIn(writer);
        writer.findElement(By.id("body")).sendKeys(words);
        Thread.sleep(1_000);
        writer.get(base + "/drafts");
        return slug;
    }

    /** The offer of unsaved words on this page, if the script makes one within a few seconds. */
    private static Optional<WebElement> offerIn(WebDriver in) {
        new WebDriverWait(in, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("body")));
        try {
            return Optional.of(new WebDriverWait(in, Duration.ofSeconds(3))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.utkast"))));
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }

    /** Two tabs of the new post's form keep their words apart: the one sent does not take the other's. */
    @Test
    void wordsTypedInTwoTabsOfTheNewPostFormAreBothKept() throws Exception {
        ChromeDriver writer = chromium(true);
        try {
            signIn(writer);
            String first = writer.getWindowHandle();
            writer.findElement(By.id("title")).sendKeys("Flik ett om Kalmar");
            writer.findElement(By.id("body")).sendKeys("Det här står bara i den första fliken.");
            Thread.sleep(1_000);
            writer.switchTo().newWindow(WindowType.TAB);
            writer.get(base + "/write");
            offerIn(writer).ifPresent(o -> o.findElement(By.xpath(".//button[text()='Släng den']")).click());
            writer.findElement(By.id("title")).sendKeys("Flik två om Kalmar");
            writer.findElement(By.id("body")).sendKeys("Den andra fliken sparas.");
            Thread.sleep(1_000);
            writer.findElement(By.id("title")).sendKeys(Keys.ENTER);
            new WebDriverWait(writer, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/posts/flik-tva-om-kalmar"));
            writer.close();
            writer.switchTo().window(first);
            // The first tab follows a link (or is closed by mistake): its words were never sent.
            writer.get(base + "/drafts");
            writer.get(base + "/write");
            Optional<WebElement> offer = offerIn(writer);
            assertTrue(offer.isPresent(), "the first tab's words, never sent, are offered back");
            offer.get().findElement(By.xpath(".//button[text()='Fyll i den osparade texten']")).click();
            assertEquals("Flik ett om Kalmar", writer.findElement(By.id("title")).getDomProperty("value"));
        } finally {
            writer.quit();
        }
    }

    /** The last words typed before a link is followed are kept, not only those typed 400 ms before. */
    @Test
    void wordsTypedJustBeforeALinkIsFollowedAreKept() throws Exception {
        ChromeDriver writer = chromium(true);
        try {
            signIn(writer);
            writer.findElement(By.id("title")).sendKeys("Snabbt skrivet i Luleå");
            writer.get(base + "/drafts");
            writer.get(base + "/write");
            assertTrue(offerIn(writer).isPresent(), "the words typed right before the link was followed are offered back");
        } finally {
            writer.quit();
        }
    }

    /** Words sent but never received (the network gone) are offered back, saying they were sent. */
    @Test
    void wordsTypedIntoAFormWhoseSendingFailsOnTheNetworkAreKept() throws Exception {
        ChromeDriver writer = chromium(true);
        try {
            signIn(writer);
            writer.findElement(By.id("title")).sendKeys("Skickat utan nät i Kiruna");
            writer.findElement(By.id("body")).sendKeys("Tåget gick in i tunneln.");
            Thread.sleep(1_000);
            writer.executeCdpCommand("Network.enable", Map.of());
            writer.executeCdpCommand("Network.emulateNetworkConditions",
                    Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
            writer.findElement(By.id("title")).sendKeys(Keys.ENTER);
            Thread.sleep(2_000);
            String failed = writer.getCurrentUrl();
            writer.executeCdpCommand("Network.emulateNetworkConditions",
                    Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
            assertEquals(404, env.http.getAs("/api/posts/skickat-utan-nat-i-kiruna", ServerExtension.TOKEN).status(), "the site never got it");
            writer.get(base + "/write");
            assertTrue(offerIn(writer).isPresent(), "the words the site never got are offered back (after " + failed + ")");
        } finally {
            writer.quit();
        }
    }

    /**
     * Words typed against one version of a post, filled in on the form of a later one (changed elsewhere since), are saved
     * with the version they were typed against: the site's conflict shows both, nothing is saved over the change unseen.
     */
    @Test
    void wordsTypedAgainstAnOlderVersionAreNotSavedOverANewerOneUnseen() throws Exception {
        ChromeDriver writer = chromium(true);
        try {
            String slug = typedIntoItsFormAndLeft(writer, "Versionen i Visby", "Första texten om Visby.", " Tillägg från datorn.");
            // Meanwhile the post is changed elsewhere (the phone, the API, a colleague's tab).
            String etag = env.http.getAs("/api/posts/" + slug, ServerExtension.TOKEN).header("etag");
            var patched = env.http.sendWith("PATCH", "/api/posts/" + slug, "application/merge-patch+json",
                    "{\"body\": \"Ändrat i telefonen, viktigt.\"}", Map.of("If-Match", etag));
            assertEquals(200, patched.status(), patched.body());
            writer.get(base + "/posts/" + slug + "/edit");
            WebElement offer = offerIn(writer).orElseThrow(() -> new AssertionError("no offer"));
            offer.findElement(By.xpath(".//button[text()='Fyll i den osparade texten']")).click();
            writer.findElement(By.cssSelector("button[value=save]")).click();
            new WebDriverWait(writer, Duration.ofSeconds(20)).until(ExpectedConditions.or(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector(".conflict")), ExpectedConditions.urlContains("done=saved")));
            assertTrue(env.http.getAs("/api/posts/" + slug, ServerExtension.TOKEN).body().contains("Ändrat i telefonen")
                            || !writer.findElements(By.cssSelector(".conflict")).isEmpty(),
                    "the change made elsewhere is either kept or shown as a conflict; instead: " + writer.getCurrentUrl()
                            + " and the post now reads " + env.http.getAs("/api/posts/" + slug, ServerExtension.TOKEN).json().path("body"));
        } finally {
            writer.quit();
        }
    }

    /** Any draft over a week old goes, whichever form it was typed in. */
    @Test
    void wordsTypedOverAWeekAgoIntoAnotherFormAreNotKept() throws Exception {
        ChromeDriver writer = chromium(true);
        try {
            String slug = typedIntoItsFormAndLeft(writer, "Gammalt om Haparanda", "Text.", " Hemligt tillägg.");
            // Eight days pass (its time set back as the browser's clock would have it).
            writer.executeScript("for (var i = 0; i < localStorage.length; i++) { var k = localStorage.key(i);"
                    + " var d = JSON.parse(localStorage.getItem(k)); d.at -= 8 * 24 * 3600 * 1000; localStorage.setItem(k, JSON.stringify(d)); }");
            writer.get(base + "/write");
            offerIn(writer);
            writer.findElement(By.id("title")).sendKeys("Nytt");
            Thread.sleep(1_000);
            Object kept = writer.executeScript("return Object.keys(localStorage).filter(function (k) { return k.indexOf('" + slug + "') >= 0; });");
            assertEquals(List.of(), kept, "a draft over a week old is gone once the author's browser runs the script");
        } finally {
            writer.quit();
        }
    }

    private static List<String> policyReports(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
    }

    /** Tabs forward until the element with this id (or the publish button) has the focus. */
    private static void tabTo(String id) {
        for (int i = 0; i < 60; i++) {
            WebElement active = browser.switchTo().activeElement();
            boolean there = id.equals(active.getDomAttribute("id"))
                    || (id.equals("publish-button") && "publish".equals(active.getDomAttribute("value")));
            if (there) {
                return;
            }
            active.sendKeys(Keys.TAB);
        }
        throw new AssertionError("the keyboard never reached #" + id);
    }

    /** The focused element draws an outline or a shadow, as the stylesheet's focus style does. */
    @SuppressWarnings("unchecked")
    private static boolean focusIsVisible() {
        Map<String, Object> answer = ((ChromeDriver) browser).executeCdpCommand("Runtime.evaluate", Map.of("expression",
                "(() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && s.outlineWidth !== '0px'"
                        + " || s.boxShadow !== 'none'; })()", "returnByValue", true));
        return Boolean.TRUE.equals(((Map<String, Object>) answer.get("result")).get("value"));
    }

    /** How far below the window's top edge the element is, in CSS pixels (negative: above it, out of sight). */
    private static double topInWindow(String selector) {
        return measured("document.querySelector(\"" + selector + "\").getBoundingClientRect().top");
    }

    /**
     * The contrast ratio (WCAG 2.2's formula) of the focused element's outline with the background of what is around it: the
     * nearest ancestor with a background, or the page's white.
     */
    private static double focusRingContrast() {
        return measured("(() => {"
                + " const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => v / 255)"
                + "   .map(v => v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };"
                + " const focused = document.activeElement; let around = focused.parentElement, bg = 'rgb(255, 255, 255)';"
                + " for (; around; around = around.parentElement) { const c = getComputedStyle(around).backgroundColor;"
                + "   if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; } }"
                + " const [hi, lo] = [lum(getComputedStyle(focused).outlineColor), lum(bg)].sort((a, b) => b - a);"
                + " return (hi + 0.05) / (lo + 0.05); })()");
    }

    /** A number the page computes, through DevTools (which works whatever the page's JavaScript setting is). */
    @SuppressWarnings("unchecked")
    private static double measured(String expression) {
        Map<String, Object> answer = ((ChromeDriver) browser).executeCdpCommand("Runtime.evaluate", Map.of("expression", expression,
                "returnByValue", true));
        return ((Number) ((Map<String, Object>) answer.get("result")).get("value")).doubleValue();
    }

    /** The indexer works from the table's stream: wait until a search finds what the set-up wrote. */
    private static void awaitSearchable(String query) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (env.http.get("/api/search?q=" + query).json().path("items").isEmpty()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the index never found " + query);
            }
            Thread.sleep(200);
        }
    }

    /**
     * The author's whole round, in the browser with JavaScript off: write a draft, find it in "Mina
     * inlägg", preview it, upload a picture (straight to the bucket and back), publish, edit in two
     * tabs (the second save shows the conflict and loses nothing), take it back to draft and delete
     * it; after each step the readers' page, the front page and the feed say what they should.
     */
    @Test
    void anAuthorsWholeRoundFromWritingToDeleting() throws Exception {
        String title = "Nytt kontor i Ystad: välkommen in";
        String slug = "nytt-kontor-i-ystad-valkommen-in";
        var pictures = new PictureUploads(env);
        var before = pictures.snapshot();
        signIn();
        assertEquals("Lokal utvecklare", browser.findElement(By.id("authorName")).getDomProperty("value"), "the byline from the profile");
        type("title", title);
        type("body", "Vi har flyttat till nya lokaler vid hamnen.\n\n- fika varje fredag\n- öppet hus i mars");
        type("tags", "Ystad, Kontor");
        // Enter in a field sends the form with its first button, which is not "Publicera": a draft, never published.
        browser.findElement(By.id("tags")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.urlContains("/posts/" + slug));
        assertEquals("Utkastet är sparat. Det syns bara för dig tills du publicerar det.", browser.findElement(By.cssSelector("p.done")).getText());
        readersSee(slug, title, false);

        browser.get(base + "/drafts");
        WebElement row = browser.findElement(By.xpath("//ul[@class='mine']/li[.//h2/a[text()='" + title + "']]"));
        assertTrue(row.getText().contains("Utkast"), row.getText());
        screenshot("my-posts.png");

        browser.get(base + "/posts/" + slug + "/preview");
        // The bar is no heading: the post's title is the page's first, its h1.
        assertEquals("Förhandsgranskning", browser.findElement(By.cssSelector(".preview-bar .preview-title")).getText());
        assertEquals("h1", browser.findElement(By.cssSelector("main :is(h1, h2, h3)")).getTagName());
        assertEquals(title, browser.findElement(By.cssSelector("article h1")).getText());
        assertEquals(1, browser.findElements(By.cssSelector("meta[name=robots][content*=noindex]")).size());
        screenshot("preview.png");
        readersSee(slug, title, false);

        browser.get(base + "/posts/" + slug + "/edit");
        browser.findElement(By.cssSelector("button[value=image]")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("file")));
        screenshot("upload.png");
        Path file = folder("inlagg-upload").resolve("kontoret.png");
        Files.write(file, TestPictures.png(640, 320));
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form.upload button[type=submit]")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("alt")));
        assertTrue(browser.findElement(By.cssSelector("figure.upload figcaption")).getText().startsWith("PNG, 640 × 320 pixlar"));
        type("caption", "Det nya kontoret vid hamnen. Foto: Åsa Öberg");
        browser.findElement(By.cssSelector("button[value=save]")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".errors")));
        assertTrue(browser.findElement(By.cssSelector(".errors")).getText().contains("Alt-text"), "an image with no alt text is refused");
        assertEquals("Det nya kontoret vid hamnen. Foto: Åsa Öberg", browser.findElement(By.id("caption")).getDomProperty("value"));
        type("alt", "Kontorets entré med en skylt i glas");
        screenshot("image-text.png");
        browser.findElement(By.cssSelector("button[value=save]")).click();
        waitFor(ExpectedConditions.urlContains("/edit?done=image"));
        assertTrue(browser.findElement(By.cssSelector(".done")).getText().contains("Bilden är sparad"));
        readersSee(slug, title, false);

        browser.get(base + "/posts/" + slug + "/preview");
        browser.findElement(By.cssSelector(".preview-bar form[action$='/publish'] button")).click();
        waitFor(ExpectedConditions.urlContains("/drafts?done=published"));
        assertTrue(browser.findElement(By.cssSelector(".done")).getText().contains("Inlägget är publicerat"));
        readersSee(slug, title, true);
        browser.get(base + "/posts/" + slug);
        WebElement img = browser.findElement(By.cssSelector("figure img"));
        assertTrue(img.getDomAttribute("src").startsWith("/images/"), "from the site's own address");
        assertEquals("640", img.getDomAttribute("width"));
        assertEquals(640L, evaluate("document.querySelector('figure img').naturalWidth"), "the picture loaded, through the bucket");
        screenshot("published.png");

        browser.get(base + "/posts/" + slug + "/edit");
        String first = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(base + "/posts/" + slug + "/edit");
        String second = browser.getWindowHandle();
        browser.switchTo().window(first);
        type("title", "Nytt kontor i Ystad: nu öppet");
        browser.findElement(By.cssSelector("button[value=save]")).click();
        waitFor(ExpectedConditions.urlContains("/edit?done=saved"));
        browser.switchTo().window(second);
        String mine = "Vi har flyttat till nya lokaler vid hamnen, med utsikt över färjorna.";
        type("body", mine);
        browser.findElement(By.cssSelector("button[value=save]")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".conflict")));
        assertEquals(mine, browser.findElement(By.id("body")).getDomProperty("value"), "the second tab's text is kept");
        assertEquals("Nytt kontor i Ystad: nu öppet", browser.findElement(By.cssSelector(".stored-title")).getText(), "beside what is stored");
        screenshot("conflict.png");
        browser.findElement(By.cssSelector("button[value=save]")).click();
        waitFor(ExpectedConditions.urlContains("/edit?done=saved"));
        browser.close();
        browser.switchTo().window(first);
        assertTrue(env.http.get("/posts/" + slug).body().contains("utsikt över färjorna"), "the chosen version is what readers read");
        assertTrue(env.http.get("/feed.xml").body().contains("utsikt över färjorna"));

        browser.get(base + "/drafts");
        browser.findElement(By.cssSelector("form[action='/posts/" + slug + "/unpublish'] button")).click();
        waitFor(ExpectedConditions.urlContains("/drafts?done=unpublished"));
        assertTrue(browser.findElement(By.cssSelector(".done")).getText().contains("ett utkast igen"));
        readersSee(slug, title, false);

        browser.findElement(By.cssSelector("a[href='/posts/" + slug + "/delete']")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.danger")));
        screenshot("delete.png");
        assertEquals(200, env.http.getAs("/api/posts/" + slug, ServerExtension.TOKEN).status(), "asking deleted nothing");
        browser.findElement(By.cssSelector("button.danger")).click();
        waitFor(ExpectedConditions.urlContains("/drafts?done=deleted"));
        assertTrue(browser.findElement(By.cssSelector(".done")).getText().contains("Inlägget är borttaget"));
        assertFalse(browser.findElement(By.tagName("main")).getText().contains("Nytt kontor i Ystad"));
        readersSee(slug, title, false);
        assertEquals(List.of(), pictures.added(before, "images/"), "its picture went with it");
        assertEquals(List.of(), pictures.added(before, "uploads/"));
    }

    /**
     * On a phone's screen the author's pages fit its width: nothing to scroll sideways, a Swedish compound in the
     * title too ("Kompetensutvecklingsinsatserna" on a 320-pixel page).
     */
    @Test
    void theAuthorsPagesFitAPhone() throws Exception {
        signIn();
        type("title", "Kompetensutvecklingsinsatserna skrivna på telefonen");
        type("body", "Kort text.");
        // A category as long as Swedish makes them: its label must not hold the post's page wider than a phone.
        type("tags", "Arbetsmiljöutvecklingsprojektsredovisningar");
        browser.findElement(By.cssSelector("button[value=draft]")).click();
        String post = "/posts/kompetensutvecklingsinsatserna-skrivna-pa-telefonen";
        waitFor(ExpectedConditions.urlContains(post));
        var size = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(320, 844));
        try {
            for (String[] page : new String[][] {{"/drafts", "phone-my-posts.png"}, {post + "/edit", "phone-edit.png"},
                    {post + "/preview", "phone-preview.png"}, {post + "/delete", "phone-delete.png"}, {post, "phone-post.png"}}) {
                browser.get(base + page[0]);
                long overflow = evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertEquals(0L, overflow, page[0] + " scrolls sideways on a phone");
                screenshot(page[1]);
            }
            // A scheduled post's badge says its date and time: it wraps, not running off a 375-pixel screen.
            browser.get(base + "/write");
            type("title", "Schemalagt från telefonen");
            type("body", "Kort text.");
            type("publishedAt", "24 december 2030 kl. 15:00");
            browser.findElement(By.cssSelector("button[value=publish]")).click();
            String scheduled = "/posts/schemalagt-fran-telefonen";
            waitFor(ExpectedConditions.urlContains(scheduled));
            browser.get(base + scheduled + "/preview");
            assertTrue(browser.findElement(By.cssSelector(".status")).getText().contains("24 december 2030"), browser.getPageSource());
            assertEquals(0L, (long) evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"),
                    "the scheduled post's preview scrolls sideways on a phone");
            screenshot("phone-preview-scheduled.png");
            browser.get(base + post);
        } finally {
            browser.manage().window().setSize(size);
        }
        // Focused from the keyboard, a category's link turns yellow as every link does.
        WebElement category = browser.findElement(By.cssSelector("ul.categories li a"));
        for (int i = 0; i < 60 && !category.equals(browser.switchTo().activeElement()); i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals(category, browser.switchTo().activeElement(), "the keyboard reaches the category");
        assertEquals("rgba(255, 221, 0, 1)", category.getCssValue("background-color"), "the focus yellow");
    }

    /**
     * A reader's post on a phone fits its width whatever the author put in it (a 390-pixel phone here): a code block's
     * long line, a picture written into the text that is wider than the screen, and the link to the older post when its
     * title holds a long Swedish compound would each make the page scroll sideways.
     */
    @Test
    void aPostWithCodeAPictureInItsTextAndALongNeighbourFitsAPhone() throws Exception {
        readerPost("Kriminalvårdsmyndighetens arbetsmiljöutvecklingssamordnarutbildningsprogram i sammanfattning",
                "Kort text.", "2009-05-01", "Karin Lund", "Frivården Västervik", "Arbetsmiljö");
        String image = "http://127.0.0.1:" + images.getAddress().getPort() + "/mote.png";
        readerPost("Frågan till registret", "Så här frågade vi:\n\n```\nSELECT klient_id, frivardsinspektor_namn, "
                + "datum_for_senaste_uppfoljningsmote FROM klienter WHERE kontor = 'Malmö';\n```\n\n"
                + "Mötet:\n\n![Deltagarna runt bordet](" + image + ")\n\n"
                + "| Dag | Kontor | Ansvarig |\n|---|---|---|\n| Måndag | Kriminalvårdsregionhuvudkontorsförvaltningsenheten | Karin Lund |\n\n"
                + "Slut.", "2009-05-02", "Karin Lund",
                "Frivården Västervik", "Arbetsmiljö");
        var size = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(320, 844));
        try {
            browser.get(base + "/posts/fragan-till-registret");
            waitFor(d -> evaluate("document.querySelector('.body img').complete ? 1 : 0") == 1);
            assertEquals(640L, evaluate("document.querySelector('.body img').naturalWidth"), "the picture loaded");
            assertTrue(browser.findElement(By.cssSelector(".adjacent .older a")).getText().startsWith("Kriminalvårdsmyndighetens"));
            screenshot("phone-post-code-picture.png");
            assertEquals("Måndag", browser.findElement(By.cssSelector(".body table td")).getText(), "the table is a table");
            for (String selector : List.of(".body pre code", ".body img", ".body table", ".adjacent .older a")) {
                assertTrue(evaluate("Math.ceil(document.querySelector('" + selector + "').getBoundingClientRect().right)")
                        <= evaluate("document.documentElement.clientWidth"), selector + " runs off a phone's screen");
            }
            assertEquals(0L, evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"),
                    "the post scrolls sideways on a phone");
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    /**
     * The box that searches a category's or an office's posts names it in its label, which must not hold the page wider
     * than a 390-pixel phone when the name is one long compound; on the results page too.
     */
    @Test
    void theSearchWithinALongNamedCategoryOrOfficeFitsAPhone() {
        readerPost("Utbildning för samordnare", "Kort text.", "2009-06-01", "Karin Lund",
                "Kriminalvårdsregionhuvudkontorsförvaltningsenheten", "Arbetsmiljöutvecklingssamordnarutbildningsprogram");
        var size = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String page : List.of("/tags/arbetsmiljoutvecklingssamordnarutbildningsprogram",
                    "/offices/kriminalvardsregionhuvudkontorsforvaltningsenheten",
                    "/sok?q=samordnare&tag=arbetsmiljoutvecklingssamordnarutbildningsprogram")) {
                browser.get(base + page);
                String label = browser.findElement(By.cssSelector("form.within label")).getText().toLowerCase(Locale.ROOT);
                assertTrue(label.contains("kriminalvårdsregion") || label.contains("arbetsmilj"), page + ": " + label);
                assertEquals(0L, evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"),
                        page + " scrolls sideways on a phone");
            }
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    /** What a reader who is not signed in finds: the post's page, the front page and the feed. */
    private static void readersSee(String slug, String title, boolean visible) {
        assertEquals(visible ? 200 : 404, env.http.get("/posts/" + slug).status(), slug);
        assertEquals(visible, env.http.get("/").body().contains(title.substring(0, 14)), "the front page");
        assertEquals(visible, env.http.get("/feed.xml").body().contains(title.substring(0, 14)), "the feed");
    }

    /** A whole number the page computes ({@link #measured}). */
    private static long evaluate(String expression) {
        return (long) measured(expression);
    }

    /**
     * After "Logga ut" the back button fetches the author's pages again, and a signed-out browser is sent to sign in, not
     * shown "Mina inlägg", with every draft's title, or a draft's own page from the browser's cache, on a computer the next
     * person may use.
     */
    @Test
    void afterSigningOutTheBackButtonShowsNoDraftFromTheBrowsersCache() {
        String title = "Omorganisation i Örebro, ännu hemlig";
        signIn();
        type("title", title);
        type("body", "Det här ska ingen läsa förrän det är publicerat.");
        // Enter sends the form with its first button: saved as a draft.
        browser.findElement(By.id("title")).sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.urlContains("/posts/omorganisation-i-orebro-annu-hemlig"));
        browser.get(base + "/drafts");
        assertTrue(browser.findElement(By.tagName("main")).getText().contains(title), "the draft is among the author's posts");
        browser.findElement(By.cssSelector("nav button.link")).click();
        waitFor(ExpectedConditions.urlContains("done=signedout"));
        browser.navigate().back();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        assertFalse(browser.getPageSource().contains(title), "back after signing out shows no draft: " + browser.getCurrentUrl());
        assertTrue(browser.getCurrentUrl().contains("/signin"), "it is asked for again, and sent to sign in: " + browser.getCurrentUrl());
        browser.navigate().back();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        assertFalse(browser.getPageSource().contains(title), "nor does the draft's own page: " + browser.getCurrentUrl());
    }

    /** "Logga ut", a button, sits level with the links beside it. */
    @Test
    void signOutSitsOnTheLineOfTheLinksBesideIt() {
        signIn();
        var link = browser.findElement(By.linkText("Mina inlägg")).getRect();
        var button = browser.findElement(By.cssSelector("nav button.link")).getRect();
        // The button is a tall touch target with its text in its middle: the middles of the two words meet.
        double linkMiddle = link.getY() + link.getHeight() / 2.0;
        double buttonMiddle = button.getY() + button.getHeight() / 2.0;
        assertEquals(linkMiddle, buttonMiddle, 3.0, "the middle of 'Mina inlägg' and of 'Logga ut'");
    }

    /** Signs in at the form with the test's author token; the browser lands on the authoring form. */
    private static void signIn() {
        signIn(browser);
    }

    private static void signIn(WebDriver in) {
        in.get(base + "/signin");
        in.findElement(By.id("token")).sendKeys(ServerExtension.TOKEN);
        in.findElement(By.cssSelector("form.signin button")).click();
        new WebDriverWait(in, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("body")));
        assertTrue(in.getCurrentUrl().endsWith("/write"), in.getCurrentUrl());
    }

    /**
     * With JavaScript on, a post's form keeps what its author types in their browser until the site has it: the words of
     * a form left unsaved (a tab closed, a crash, a link followed) are offered back when it opens again and filled in only
     * when asked; once saved, nothing is offered; the script is the site's own, which the author pages' policy lets run.
     */
    @Test
    void wordsTypedButNeverSavedAreOfferedBackWhenTheFormOpensAgain() throws Exception {
        ChromeDriver writer = chromium(true);
        try {
            signIn(writer);
            String title = "Osparat om fjällen i Åre";
            writer.findElement(By.id("title")).sendKeys(title);
            writer.findElement(By.id("body")).sendKeys("Det här skrevs men sparades aldrig.\n\nFörsta punkten.");
            Thread.sleep(1_000);
            writer.get(base + "/drafts");
            writer.get(base + "/write");
            var wait = new WebDriverWait(writer, Duration.ofSeconds(20));
            WebElement offer = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.utkast")));
            assertTrue(offer.getText().startsWith("Osparad text i den här webbläsaren"), offer.getText());
            assertEquals("", writer.findElement(By.id("title")).getDomProperty("value"), "nothing is filled in unasked");
            AxeCore.script().ifPresent(axe -> assertEquals(List.of(), AxeCore.violations(writer, axe), "the offer passes axe-core"));
            Files.copy(writer.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve("unsaved-words-offered.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            offer.findElement(By.xpath(".//button[text()='Fyll i den osparade texten']")).click();
            assertEquals(title, writer.findElement(By.id("title")).getDomProperty("value"));
            assertEquals("Det här skrevs men sparades aldrig.\n\nFörsta punkten.", writer.findElement(By.id("body")).getDomProperty("value"));
            assertEquals(0, writer.findElements(By.cssSelector("section.utkast")).size());
            assertEquals("title", writer.switchTo().activeElement().getDomProperty("id"), "on the words filled in");

            writer.findElement(By.id("tags")).sendKeys(Keys.ENTER);
            // Sent, the site has the words: the browser lets them go.
            wait.until(ExpectedConditions.urlContains("/posts/osparat-om-fjallen-i-are"));
            writer.get(base + "/write");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("body")));
            Thread.sleep(500);
            assertEquals(0, writer.findElements(By.cssSelector("section.utkast")).size(), "saved: the site has the words, nothing to offer");
            assertEquals(List.of(), policyReports(writer), "the script is allowed where it runs");
        } finally {
            writer.quit();
        }
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
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

}
