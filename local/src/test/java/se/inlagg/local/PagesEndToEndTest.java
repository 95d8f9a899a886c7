package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import se.inlagg.http.Caching;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Pages, sign-in, the form and the feeds over plain HTTP against the local server. */
class PagesEndToEndTest extends ServerTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    @BeforeAll
    static void seed() throws Exception {
        var post = Http.JSON.createObjectNode();
        post.put("title", "Månadsmöte: samverkan för klientens bästa");
        post.put("body", "Vid mötet i Ystad:\n\n- gemensamma rutiner\n- en kontaktperson\n\n[Läs mer](https://www.kriminalvarden.se/)");
        post.putObject("author").put("name", "Åsa Öberg").put("role", "Frivårdsinspektör").put("office", "Frivården Malmö");
        post.putArray("tags").add("Frivård").add("Samverkan");
        post.put("publishedAt", "2019-01-30");
        post.putObject("image").put("url", "https://bilder.example.se/mote.jpg").put("alt", "Deltagarna vid bordet").put("caption", "Foto: Åsa Öberg");
        assertEquals(201, http.write("POST", "/api/posts", post.toString()).status());
        assertEquals(201, http.createPost("Att gästspela som chef", "2019-02-14", "Ledarskap").status());
    }

    /** Signs in with the dev token; answers the Cookie header value, the CSRF token of the form, its id and its showing. */
    static String[] signIn() {
        var signedIn = http.signIn(ServerExtension.TOKEN);
        assertEquals(303, signedIn.status());
        assertEquals("/write", signedIn.header("location"));
        String setCookie = signedIn.header("set-cookie");
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"), setCookie);
        String cookie = Http.sessionCookie(signedIn);
        String form = http.raw("GET", "/write", Map.of("Cookie", cookie), null).body();
        return new String[] {cookie, field(form, "csrf"), field(form, "formId"), field(form, "shown")};
    }

    static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "no " + name + " in the form");
        return m.group(1);
    }

    static Map<String, String> post(String csrf, String formId, String title, String body, String action) {
        return post(csrf, formId, "", title, body, action);
    }

    /** The form as sent from the showing {@code shown} of it (the page that made a post mends it when sent again). */
    static Map<String, String> post(String csrf, String formId, String shown, String title, String body, String action) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("csrf", csrf);
        f.put("formId", formId);
        f.put("shown", shown);
        f.put("title", title);
        f.put("body", body);
        f.put("authorName", "Åsa Öberg");
        f.put("authorRole", "Enhetschef");
        f.put("authorOffice", "Malmö");
        f.put("tags", "Formulär, Frivård");
        f.put("publishedAt", "");
        f.put("imageUrl", "");
        f.put("imageAlt", "");
        f.put("imageCaption", "");
        f.put("excerpt", "");
        f.put("action", action);
        return f;
    }

    @Test
    void theFrontPageListsPostsNewestFirstWithEverythingAReaderLooksFor() {
        var page = http.get("/");
        assertEquals(200, page.status());
        assertEquals("text/html; charset=utf-8", page.header("content-type"));
        String html = page.body();
        assertTrue(html.contains("<html lang=\"sv\">"));
        assertTrue(html.indexOf("Att gästspela som chef") < html.indexOf("Månadsmöte: samverkan"), "newest first");
        assertTrue(html.contains("<a href=\"/posts/manadsmote-samverkan-for-klientens-basta\">Månadsmöte: samverkan för klientens bästa</a>"));
        assertTrue(html.contains("<time datetime=\"2019-01-29T23:00:00Z\">30 januari 2019</time>"));
        assertTrue(html.contains("<a href=\"/people/asa-oberg\">Åsa Öberg</a>, Frivårdsinspektör, <a href=\"/offices/frivarden-malmo\">Frivården Malmö</a>"), html);
        assertTrue(html.contains("<a href=\"/tags/frivard\">Frivård</a>"));
        assertTrue(html.contains("type=\"application/atom+xml\""));
    }

    /**
     * DOS-lagen asks each public-sector site for an accessibility statement, easy to find: the stack's
     * AccessibilityStatementUrl puts a link to the organisation's in every page's footer, an error page's too. Unset, or
     * no web address, there is no link.
     */
    @Test
    void everyPagesFooterLinksToTheAccessibilityStatementTheStackNames() {
        String link = "<a href=\"https://myndighet.example.se/tillganglighet\">Tillgänglighetsredogörelse</a>";
        assertFalse(http.get("/").body().contains("Tillgänglighetsredogörelse"), "none named: no link");
        try {
            System.setProperty("ACCESSIBILITY_STATEMENT_URL", "https://myndighet.example.se/tillganglighet");
            for (String path : List.of("/", "/posts/att-gastspela-som-chef", "/signin", "/finns-inte")) {
                String footer = http.get(path).body().split("<footer class=\"site\">")[1];
                assertTrue(footer.contains(link), path + ": " + footer);
            }
            // As the template takes it: a host of Swedish letters too.
            System.setProperty("ACCESSIBILITY_STATEMENT_URL", "https://tillgänglighet.myndighet.se/");
            assertTrue(http.get("/").body().contains("<a href=\"https://tillgänglighet.myndighet.se/\">Tillgänglighetsredogörelse</a>"));
            System.setProperty("ACCESSIBILITY_STATEMENT_URL", "javascript:alert(1)");
            assertFalse(http.get("/").body().contains("Tillgänglighetsredogörelse"), "no web address: no link");
        } finally {
            System.setProperty("ACCESSIBILITY_STATEMENT_URL", "");
        }
    }

    /**
     * A reader's page is chosen by the session cookie: the same address answers a signed-in author another page (their
     * name, "Logga ut", its form's CSRF token, edit links), stored nowhere. The reader's copy, stored and reused with
     * stale-while-revalidate for 30 s, names no Cookie in Vary, so a cache keyed by the address alone takes it for any
     * request of that address: a browser's own shows the author who has just signed in (from that page's "Logga in",
     * which comes back to it) the signed-out page, and a shared cache other than this distribution, which keys by the
     * session cookie itself, does the same for every author behind it (RFC 9110, 12.5.5).
     */
    @Test
    void aReadersPageSaysItVariesWithTheSessionCookie() {
        var reader = http.get("/");
        assertEquals(Caching.PUBLIC, reader.header("cache-control"));
        String cookie = Http.sessionCookie(http.signIn(ServerExtension.TOKEN));
        var author = http.raw("GET", "/", Map.of("Cookie", cookie), null);
        assertTrue(author.body().contains("Logga ut") && !reader.body().contains("Logga ut"), "another page for the author");
        assertTrue(Arrays.stream(reader.header("vary").split(",")).map(String::strip).anyMatch("Cookie"::equalsIgnoreCase),
                "the reader's copy, kept and reused (" + reader.header("cache-control") + "), says it varies only with: "
                        + reader.header("vary"));
    }

    /**
     * The same addresses answered to a signed-in author (their name, "Logga ut", a form's CSRF token, edit links) are
     * stored nowhere, not even by their browser: kept as a reader's page is, the edge or the back button would show them
     * again after signing out, to whoever uses the computer next.
     */
    @Test
    void aReadersPageAnsweredToASignedInAuthorIsStoredNowhere() {
        String cookie = Http.sessionCookie(http.signIn(ServerExtension.TOKEN));
        for (String path : List.of("/", "/tags/frivard", "/posts/manadsmote-samverkan-for-klientens-basta")) {
            var author = http.raw("GET", path, Map.of("Cookie", cookie), null);
            assertEquals(200, author.status(), path);
            assertTrue(author.body().contains("Logga ut"), path);
            assertEquals("no-store", author.header("cache-control"), path);
        }
    }

    /**
     * What a browser and the CDN may do with what every reader gets, read as a reader's check reads the header: the CDN
     * keeps it 30 s and may serve it 30 s more while it fetches it again, and a browser keeps none without asking (max-age=0),
     * so a post edited or taken down is gone from every reader's screen within a minute. The other tests compare the header
     * with Caching.PUBLIC itself, a constant the compiler copies into them: a probe of the tests set it to a browser's
     * max-age of ten minutes, a post taken down shown for ten minutes more on every screen that had it, and every test
     * stayed green.
     */
    @Test
    void whatEveryReaderGetsIsKeptAMinuteAtMostAndNeverByTheBrowserWithoutAsking() {
        String keptAtTheEdge = "public, max-age=0, s-maxage=30, stale-while-revalidate=30";
        for (String path : List.of("/", "/tags/frivard", "/tags/frivard/feed.xml", "/api/posts", "/api/tags", "/api/openapi.json")) {
            var answer = http.get(path);
            assertEquals(200, answer.status(), path);
            assertEquals(keptAtTheEdge, answer.header("cache-control"), path);
            var revalidated = http.raw("GET", path, Map.of("If-None-Match", answer.header("etag")), null);
            assertEquals(List.of(304, keptAtTheEdge), List.of(revalidated.status(), revalidated.header("cache-control")), path);
        }
    }

    @Test
    void pagesSendSecurityHeadersAndCanBeCached() {
        var page = http.get("/");
        String csp = page.header("content-security-policy");
        assertTrue(csp.contains("default-src 'none'") && !csp.contains("script-src") && !csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"));
        assertEquals("nosniff", page.header("x-content-type-options"));
        assertNotNull(page.header("referrer-policy"));
        assertEquals(Caching.PUBLIC, page.header("cache-control"));
        String etag = page.header("etag");
        var revalidated = http.raw("GET", "/", Map.of("If-None-Match", etag), null);
        assertEquals(304, revalidated.status());
        // The browser keeps a 304's headers, so a 304 with the policy that allows nothing would leave a page revalidated
        // without its stylesheet and pictures. It says what the 200 says, Vary included.
        assertEquals(csp, revalidated.header("content-security-policy"));
        assertEquals(page.header("vary"), revalidated.header("vary"));
        assertEquals(page.header("cache-control"), revalidated.header("cache-control"));
        assertEquals("text/css; charset=utf-8", http.get("/style.css").header("content-type"));
        String stylesheet = Pattern.compile("href=\"(/assets/style\\.[^\"]+\\.css)\"").matcher(page.body()).results()
                .findFirst().orElseThrow().group(1);
        var css = http.get(stylesheet);
        assertEquals(Caching.IMMUTABLE, css.header("cache-control"));
        var cssAgain = http.raw("GET", stylesheet, Map.of("If-None-Match", css.header("etag")), null);
        assertEquals(304, cssAgain.status());
        assertEquals(Caching.IMMUTABLE, cssAgain.header("cache-control"), "still immutable once revalidated");
        assertEquals(css.header("vary"), cssAgain.header("vary"));
        assertEquals("text/css; charset=utf-8", http.get("/assets/style.0ld.css").header("content-type"), "a page from before a deploy");
        assertEquals(404, http.get("/assets/finns-inte.js").status(), "found by a probe: it answered the stylesheet");
    }

    @Test
    void aPostPageShowsTheWholePost() {
        String html = http.get("/posts/manadsmote-samverkan-for-klientens-basta").body();
        assertTrue(html.contains("<h1>Månadsmöte: samverkan för klientens bästa</h1>"));
        assertTrue(html.contains("<figure>\n<img src=\"https://bilder.example.se/mote.jpg\" alt=\"Deltagarna vid bordet\" fetchpriority=\"high\">"));
        assertTrue(html.contains("<figcaption>Foto: Åsa Öberg</figcaption>"));
        assertTrue(html.contains("<li>gemensamma rutiner</li>"));
        assertTrue(html.contains("href=\"https://www.kriminalvarden.se/\">Läs mer</a>"));
        var missing = http.get("/posts/finns-inte");
        assertEquals(404, missing.status());
        assertTrue(missing.header("content-type").startsWith("text/html"), "a 404 page, not JSON");
        assertTrue(missing.body().contains("Sidan finns inte"));
    }

    @Test
    void categoryAndMonthPagesShowTheirPosts() {
        String tag = http.get("/tags/frivard").body();
        assertTrue(tag.contains("<h1>Kategori: Frivård</h1>"));
        assertTrue(tag.contains("Månadsmöte") && !tag.contains("Att gästspela som chef"));
        assertTrue(tag.contains("href=\"/tags/frivard/feed.xml\""));
        assertEquals(404, http.get("/tags/finns-inte").status());
        String january = http.get("/archive/2019-01").body();
        assertTrue(january.contains("Inlägg från januari 2019") && january.contains("Månadsmöte") && !january.contains("gästspela"));
        assertTrue(http.get("/?month=2019-02").body().contains("Att gästspela som chef"));
        assertTrue(http.get("/?month=+2019-02").body().contains("Att gästspela som chef"), "a space before it, as the API's list takes it");
        var noMonth = http.get("/archive/2019-13");
        assertEquals(404, noMonth.status());
        assertTrue(noMonth.body().contains("Det finns ingen sådan månad. En månad skrivs som år och månad, till exempel 2019-01."), noMonth.body());
        assertTrue(http.get("/archive/2018-06").body().contains("Det finns inga inlägg från den månaden."), "a month with no post says so");
        // A signed year is no 500 (its month makes no archive address).
        assertEquals(404, http.get("/archive/-0001-01").status());
        assertEquals(404, http.get("/?month=-0001-01").status());
        assertEquals(404, http.get("/archive/+10000-01").status());
        // A month nobody wrote in is not found either, as an unknown category is, with its Swedish message.
        var empty = http.get("/archive/1987-06");
        assertEquals(404, empty.status());
        assertTrue(empty.body().contains("Det finns inga inlägg från den månaden."), empty.body());
        assertEquals(404, http.get("/?month=1987-06").status());
    }

    @Test
    void olderPostsAreOneLinkAway() {
        for (int i = 1; i <= 21; i++) {
            http.createPost("Sidbläddring " + i, String.format("2010-03-%02d", i), "Bläddra");
        }
        String first = http.get("/tags/bladdra").body();
        Matcher next = Pattern.compile("<a rel=\"next\" href=\"([^\"]+)\">Äldre inlägg</a>").matcher(first);
        assertTrue(next.find());
        String second = http.get(next.group(1).replace("&amp;", "&")).body();
        assertTrue(second.contains("Sidbläddring 1<") && !second.contains("Äldre inlägg"));
    }

    /** A feed as a namespace-aware XML parser reads it: it throws if the feed is no well-formed XML. */
    static Document parsed(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bothFeedsAreAtomNewestFirst() throws Exception {
        for (String path : List.of("/feed.xml", "/tags/frivard/feed.xml")) {
            var feed = http.get(path);
            assertEquals(200, feed.status());
            assertEquals("application/atom+xml; charset=utf-8", feed.header("content-type"));
            var doc = parsed(feed.body());
            var entries = doc.getElementsByTagNameNS(ATOM, "entry");
            assertTrue(entries.getLength() >= 1, path);
            Element entry = (Element) entries.item(0);
            assertTrue(entry.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent().startsWith("urn:uuid:"));
            assertEquals(1, entry.getElementsByTagNameNS(ATOM, "author").getLength());
            assertTrue(entry.getElementsByTagNameNS(ATOM, "content").item(0).getTextContent().contains("<p>"));
        }
        String all = http.get("/feed.xml").body();
        assertTrue(all.indexOf("Att gästspela som chef") < all.indexOf("Månadsmöte"), "newest first");
        assertEquals(404, http.get("/tags/finns-inte/feed.xml").status());
    }

    /** A reader who follows one colleague or one office gets their posts alone, and finds the feed on their page. */
    @Test
    void aPersonsAndAnOfficesFeedsHoldTheirPostsAndTheirPagesLinkThem() throws Exception {
        var other = Http.JSON.createObjectNode();
        other.put("title", "Ett inlägg från Västerås");
        other.put("body", "Bara från Västerås.");
        other.putObject("author").put("name", "Märit Ek").put("role", "Handläggare").put("office", "Frivården Västerås");
        other.putArray("tags").add("Flöden");
        other.put("publishedAt", "2019-03-01");
        assertEquals(201, http.write("POST", "/api/posts", other.toString()).status());
        // Hers too, but not for readers yet: a draft, and one scheduled for 2031.
        other.put("title", "Märits utkast");
        assertEquals(201, http.write("POST", "/api/posts", other.toString()).status());
        assertEquals("draft", http.write("POST", "/api/posts/marits-utkast/unpublish", "{}").json().path("status").asText());
        other.put("title", "Märits inlägg om framtiden");
        other.put("publishedAt", "2031-01-01");
        assertEquals(201, http.write("POST", "/api/posts", other.toString()).status());
        String site = env.server.baseUri().toString();

        // Each titled by what it follows, so a category, a person and an office of one name are told apart.
        Map<String, String> titles = Map.of("/people/asa-oberg", "Inlägg av Åsa Öberg", "/people/marit-ek", "Inlägg av Märit Ek",
                "/offices/frivarden-malmo", "Inlägg från Frivården Malmö", "/offices/frivarden-vasteras", "Inlägg från Frivården Västerås");
        Map<String, List<String>> holds = Map.of(
                "/people/asa-oberg", List.of("Månadsmöte: samverkan för klientens bästa", "Att gästspela som chef"),
                "/people/marit-ek", List.of("Ett inlägg från Västerås"),
                "/offices/frivarden-malmo", List.of("Månadsmöte: samverkan för klientens bästa"),
                "/offices/frivarden-vasteras", List.of("Ett inlägg från Västerås"));
        for (var page : holds.entrySet()) {
            var feed = http.get(page.getKey() + "/feed.xml");
            assertEquals(200, feed.status(), page.getKey());
            assertEquals("application/atom+xml; charset=utf-8", feed.header("content-type"));
            var doc = parsed(feed.body());
            Element root = doc.getDocumentElement();
            assertEquals(titles.get(page.getKey()), root.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent());
            assertEquals(site + page.getKey() + "/feed.xml", root.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent());
            var entries = root.getElementsByTagNameNS(ATOM, "entry");
            List<String> entryTitles = new ArrayList<>();
            for (int i = 0; i < entries.getLength(); i++) {
                entryTitles.add(((Element) entries.item(i)).getElementsByTagNameNS(ATOM, "title").item(0).getTextContent());
            }
            // Other tests of this class write posts too (the form's, from "Malmö"); these are the ones seeded here.
            List<String> seededHere = entryTitles.stream().filter(t -> List.of("Månadsmöte: samverkan för klientens bästa",
                    "Att gästspela som chef", "Ett inlägg från Västerås").contains(t)).toList();
            assertEquals(page.getValue().stream().sorted().toList(), seededHere.stream().sorted().toList(), page.getKey() + ": " + entryTitles);
            assertFalse(feed.body().contains("Märits utkast") || feed.body().contains("framtiden"), "no draft, nothing scheduled: " + page.getKey());

            String html = http.get(page.getKey()).body();
            String text = "i" + titles.get(page.getKey()).substring(1);
            assertTrue(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + titles.get(page.getKey()) + "\" href=\""
                    + page.getKey() + "/feed.xml\">"), html);
            assertTrue(html.contains("<a href=\"" + page.getKey() + "/feed.xml\">Prenumerera på " + text + " (Atom)</a>"), html);
            // Its own feed first: feed readers given the page's address take the first one named.
            assertTrue(html.indexOf("href=\"" + page.getKey() + "/feed.xml\">") < html.indexOf("href=\"/feed.xml\">"), html);
        }
        // As typed, the feed is the one feed with its one id; nobody there is a Swedish 404, as their page is.
        String typed = http.get("/people/%C3%85SA%20%C3%96BERG/feed.xml").body();
        assertTrue(typed.contains("<id>" + site + "/people/asa-oberg/feed.xml</id>"), typed);
        for (String missing : List.of("/people/ingen-alls/feed.xml", "/offices/inget-kontor/feed.xml")) {
            var answer = http.get(missing);
            assertEquals(404, answer.status(), missing);
            assertTrue(answer.header("content-type").startsWith("text/html") && answer.body().contains("<html lang=\"sv\">"), missing);
        }
        // A month's page has no feed of its own: what it lists is written.
        assertFalse(http.get("/archive/2019-01").body().contains("/archive/2019-01/feed.xml"));
    }

    @Test
    void aWrongTokenGetsTheFormAgainAndNoCookie() {
        var wrong = http.signIn("fel");
        assertEquals(403, wrong.status());
        assertNull(wrong.header("set-cookie"));
        assertTrue(wrong.body().contains("Inloggningsnyckeln stämmer inte."), wrong.body());
        assertTrue(wrong.body().contains("name=\"token\""));
        // The message is tied to its field and takes the focus, as every other form's does.
        assertTrue(wrong.body().matches("(?s).*<input id=\"token\"[^>]* aria-describedby=\"token-hint token-error\" aria-invalid=\"true\" autofocus>.*"),
                wrong.body());
        assertTrue(wrong.body().contains("<p class=\"notice\" role=\"alert\" id=\"token-error\">"));
        String fresh = http.get("/signin").body();
        assertFalse(fresh.contains("autofocus") || fresh.contains("aria-invalid"), "nothing wrong yet: " + fresh);
        assertTrue(fresh.contains("id=\"token-hint\""), "what a token is, and where to get one");
        // Nothing typed: said so, in Swedish, and not counted as a wrong token.
        var empty = http.signIn("");
        assertEquals(400, empty.status());
        assertTrue(empty.body().contains("Skriv din inloggningsnyckel i fältet"), empty.body());
        assertNull(empty.header("set-cookie"));
    }

    /**
     * A token copied from an e-mail, a chat or a PDF comes with what the page around it held: a no-break space after it
     * (an HTML mail's &amp;nbsp;), a zero-width space or a byte order mark before it. None can be part of a token (its
     * letters are A–Z, a–z, 0–9, - and _), and none shows in the field, so the author cannot see why "Inloggningsnyckeln
     * stämmer inte", and each try counts towards the sign-in limit. Taken off as the spaces around it are.
     */
    @Test
    void aTokenPastedWithInvisibleSpacesAroundItSignsIn() {
        List<String> refused = new ArrayList<>();
        for (String pasted : List.of(ServerExtension.TOKEN + "\u00A0", "\u200B" + ServerExtension.TOKEN, "\uFEFF" + ServerExtension.TOKEN + "\u202F")) {
            var signedIn = http.signIn(pasted);
            if (signedIn.status() != 303) {
                refused.add(signedIn.status() + " for the token with " + pasted.replace(ServerExtension.TOKEN, "…").codePoints()
                        .mapToObj(cp -> cp == '…' ? "TOKEN" : String.format("U+%04X", cp)).toList()
                        + (signedIn.body().contains("Inloggningsnyckeln stämmer inte") ? ": \"Inloggningsnyckeln stämmer inte\"" : ""));
            }
        }
        assertEquals(List.of(), refused, "each signs in");
    }

    @Test
    void overHttpsTheSessionCookieIsSecureAndHostOnly() {
        var signedIn = http.signIn(ServerExtension.TOKEN, Map.of("X-Forwarded-Proto", "https"));
        String cookie = signedIn.header("set-cookie");
        assertTrue(cookie.startsWith("__Host-inlagg_session=") && cookie.contains("; Secure") && cookie.contains("Path=/"), cookie);
    }

    /**
     * Over https signing out clears the "__Host-" cookie with one a browser takes: Secure and Path=/, as a "__Host-" cookie
     * must be, or the browser ignores it and keeps sending the ended session's id.
     */
    @Test
    void overHttpsSigningOutClearsTheHostOnlyCookie() {
        String cookie = Http.sessionCookie(http.signIn(ServerExtension.TOKEN, Map.of("X-Forwarded-Proto", "https")));
        String form = http.raw("GET", "/write", Map.of("Cookie", cookie, "X-Forwarded-Proto", "https"), null).body();
        var out = http.raw("POST", "/signout", Map.of("Cookie", cookie, "X-Forwarded-Proto", "https",
                "Content-Type", "application/x-www-form-urlencoded"), "csrf=" + field(form, "csrf"));
        assertEquals(303, out.status(), out.body());
        String cleared = out.header("set-cookie");
        assertTrue(cleared.startsWith("__Host-inlagg_session=;") && cleared.contains("Max-Age=0") && cleared.contains("; Secure")
                && cleared.contains("Path=/"), cleared);
    }

    /** The session cookie lasts as long as the session, eight hours, whether or not the browser is closed between. */
    @Test
    void theSessionCookieLastsTheSessionsEightHours() {
        String cookie = http.signIn(ServerExtension.TOKEN).header("set-cookie");
        assertTrue(cookie.contains("; Max-Age=28800"), cookie);
    }

    @Test
    void theFormWritesAPostAndShowsIt() {
        String[] s = signIn();
        var written = http.form("/write", s[0], post(s[1], s[2], s[3], "Skrivet i formuläret – åäö", "Första stycket.\n\n- en punkt\n- en till", "publish"));
        assertEquals(303, written.status(), written.body());
        // The post, saying to its author what was done; a reader given the same address sees the post only.
        assertEquals("/posts/skrivet-i-formularet-aao?done=published", written.header("location"));
        assertTrue(http.raw("GET", written.header("location"), Map.of("Cookie", s[0]), null).body().contains("<p class=\"done\" role=\"status\" tabindex=\"-1\" autofocus>Inlägget är publicerat och syns för alla."));
        assertFalse(http.get(written.header("location")).body().contains("Inlägget är publicerat"));
        String page = http.get("/posts/skrivet-i-formularet-aao").body();
        assertTrue(page.contains("<h1>Skrivet i formuläret – åäö</h1>") && page.contains("<li>en punkt</li>"));
        assertTrue(http.raw("GET", "/posts/skrivet-i-formularet-aao", Map.of("Cookie", s[0]), null).body().contains(">Gör till utkast…</a>"),
                "its author's way to take it back, in the words its button uses");
        var again = http.form("/write", s[0], post(s[1], s[2], s[3], "Skrivet i formuläret – åäö", "Första stycket.\n\n- en punkt\n- en till", "publish"));
        assertEquals("/posts/skrivet-i-formularet-aao?done=published", again.header("location"), "a double submit makes no second post");
        assertEquals(404, http.get("/posts/skrivet-i-formularet-aao-2").status());
        // Back to the form and another post written in it: the one the form made stays, not replaced, and the new one
        // comes back, kept, to be saved as a post of its own.
        var other = http.form("/write", s[0], post(s[1], s[2], s[3], "Ett helt annat inlägg", "Om något helt annat.", "publish"));
        assertEquals(409, other.status());
        assertTrue(other.body().contains("Formuläret har redan sparats som inlägget ”Skrivet i formuläret – åäö”. Det du skrev nu har"),
                other.body());
        assertTrue(other.body().contains("Om något helt annat."), "the text is kept");
        assertTrue(http.get("/posts/skrivet-i-formularet-aao").body().contains("<li>en punkt</li>"), "the first post is as it was");
        Matcher newId = Pattern.compile("name=\"formId\" value=\"([^\"]+)\"").matcher(other.body());
        assertTrue(newId.find());
        var asNew = http.form("/write", s[0], post(s[1], newId.group(1), "Ett helt annat inlägg", "Om något helt annat.", "publish"));
        assertEquals("/posts/ett-helt-annat-inlagg?done=published", asNew.header("location"), "sent again: a post of its own");
        // The same form sent with a mend (back, a typo in the title mended, the text as it was) changes the post it made, at its address.
        var changed = http.form("/write", s[0], post(s[1], s[2], s[3], "En annan rubrik", "Första stycket.\n\n- en punkt\n- en till", "publish"));
        assertEquals("/posts/skrivet-i-formularet-aao?done=published", changed.header("location"));
        assertTrue(http.get("/posts/skrivet-i-formularet-aao").body().contains("<h1>En annan rubrik</h1>"));
        // Once the post has changed, the form comes back in Swedish, with the text kept, not with the API's English under
        // the title.
        var third = http.form("/write", s[0], post(s[1], s[2], s[3], "En tredje rubrik", "Tredje texten, som inte går förlorad.", "publish"));
        assertEquals(409, third.status());
        assertTrue(third.body().contains("Formuläret har redan sparats som inlägget"), third.body());
        assertTrue(third.body().contains("Tredje texten, som inte går förlorad."), "the text is kept");
        assertFalse(third.body().contains("Idempotency-Key") || third.body().contains("id=\"title-error\""), third.body());
    }

    @Test
    void aFormWithAnErrorComesBackWithEverythingTyped() {
        String[] s = signIn();
        String longText = "En lång text som inte får gå förlorad. ".repeat(200) + "<script>alert(1)</script>";
        var refused = http.form("/write", s[0], post(s[1], s[2], s[3], "", longText, "publish"));
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("En lång text som inte får gå förlorad. En lång"), "the text is kept");
        assertTrue(refused.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;</textarea>"), "escaped where it is kept");
        assertTrue(refused.body().contains("id=\"title-error\""), "the message stands by its field");
        assertTrue(refused.body().contains("value=\"Formulär, Frivård\""));
    }

    @Test
    void withoutSessionOrCsrfTheFormWritesNothing() {
        String before = http.get("/api/posts?limit=100").body();
        String[] s = signIn();
        var noSession = http.form("/write", null, post(s[1], "f-x", "Utan session", "Text", "publish"));
        assertEquals(403, noSession.status());
        assertTrue(noSession.body().contains("Utan session"), "the typed values come back so nothing is lost");
        var noCsrf = http.form("/write", s[0], post("", "f-y", "Utan csrf", "Text", "publish"));
        assertEquals(403, noCsrf.status());
        var wrongCsrf = http.form("/write", s[0], post("fel", "f-z", "Fel csrf", "Text", "publish"));
        assertEquals(403, wrongCsrf.status());
        assertEquals(before, http.get("/api/posts?limit=100").body());
        assertEquals(303, http.raw("GET", "/write", Map.of(), null).status(), "the form asks for sign-in first");
    }

    @Test
    void aDraftFromTheFormIsListedForItsAuthorOnly() {
        String[] s = signIn();
        var saved = http.form("/write", s[0], post(s[1], s[2], s[3], "Mitt utkast från formuläret", "Ej klart.", "draft"));
        assertEquals(303, saved.status());
        assertFalse(http.get("/").body().contains("Mitt utkast från formuläret"));
        assertEquals(404, http.get("/posts/mitt-utkast-fran-formularet").status());
        String mine = http.raw("GET", "/drafts", Map.of("Cookie", s[0]), null).body();
        assertTrue(mine.contains("Mitt utkast från formuläret"));
        var own = http.raw("GET", "/posts/mitt-utkast-fran-formularet", Map.of("Cookie", s[0]), null);
        assertEquals(200, own.status());
        // No article yet: never indexed, and nothing a shared link or a tool reads as published.
        assertTrue(own.body().contains("<meta name=\"robots\" content=\"noindex, nofollow\">"), own.body());
        for (String published : List.of("rel=\"canonical\"", "og:type", "application/ld+json", "datePublished")) {
            assertFalse(own.body().contains(published), published + ": " + own.body());
        }
        // A published post's page has them all, for its author too.
        String published = http.raw("GET", "/posts/att-gastspela-som-chef", Map.of("Cookie", s[0]), null).body();
        assertTrue(published.contains("rel=\"canonical\"") && published.contains("datePublished") && !published.contains("noindex"), published);
    }

    @Test
    void signingOutEndsTheSession() {
        String[] s = signIn();
        assertEquals(403, http.form("/signout", s[0], Map.of("csrf", "fel")).status());
        var out = http.form("/signout", s[0], Map.of("csrf", s[1]));
        assertEquals(303, out.status());
        assertTrue(out.header("set-cookie").contains("Max-Age=0"));
        assertEquals("/signin?done=signedout", out.header("location"));
        String said = http.get(out.header("location")).body();
        assertTrue(said.contains("<p class=\"done\" role=\"status\" tabindex=\"-1\" autofocus>Du är utloggad. <a href=\"/\">Till startsidan</a></p>"), said);
        assertFalse(http.get("/signin").body().contains("Du är utloggad"), "only after signing out");
        String[] again = signIn();
        String signedIn = http.raw("GET", "/signin?done=signedout", Map.of("Cookie", again[0]), null).body();
        assertFalse(signedIn.contains("Du är utloggad"), "not to someone signed in again since");
        // The sign-in page says so to someone signed in already. Not focused: nothing was just done.
        assertTrue(signedIn.contains("<p class=\"done\" role=\"status\">Du är redan inloggad. Logga in nedan bara om du vill byta till en"
                + " annan inloggningsnyckel. <a href=\"/drafts\">Till Mina inlägg</a></p>"), signedIn);
        assertEquals(303, http.raw("GET", "/write", Map.of("Cookie", s[0]), null).status(), "the old cookie no longer works");
    }

    /** "Logga ut" in a tab opened before signing in again signs the author out, not refused leaving them in. */
    @Test
    void signingOutFromATabOfAnEarlierSessionEndsTheSessionNow() {
        String[] earlier = signIn();
        String[] now = signIn();
        String site = env.server.baseUri().toString();
        var crossSite = http.raw("POST", "/signout", Map.of("Cookie", now[0], "Content-Type", "application/x-www-form-urlencoded",
                "Origin", "https://elak.example", "Sec-Fetch-Site", "cross-site"), "csrf=" + earlier[1]);
        assertEquals(403, crossSite.status(), "another site cannot sign anyone out");
        assertEquals(200, http.raw("GET", "/write", Map.of("Cookie", now[0]), null).status());
        var out = http.raw("POST", "/signout", Map.of("Cookie", now[0], "Content-Type", "application/x-www-form-urlencoded",
                "Origin", site.substring(0, site.length() - (site.endsWith("/") ? 1 : 0)), "Sec-Fetch-Site", "same-origin"), "csrf=" + earlier[1]);
        assertEquals(303, out.status(), out.body());
        assertEquals(303, http.raw("GET", "/write", Map.of("Cookie", now[0]), null).status(), "signed out");
        var again = http.form("/signout", now[0], Map.of("csrf", now[1]));
        assertEquals("/signin?done=signedout", again.header("location"), "signed out already (in another tab): said so, no error");
    }

    /**
     * The API refuses a control character in a body, but "&#x1;" makes one in the body's HTML and excerpt, which must not
     * make the site's feed one no reader can parse.
     */
    @Test
    void aCharacterReferenceToAControlLeavesEveryFeedReadable() throws Exception {
        var post = Http.JSON.createObjectNode();
        post.put("title", "Kontrolltecken i texten");
        post.put("body", "Hej &#x1; då &#xFFFE; och &#xD800; slut");
        post.putObject("author").put("name", "Kim Kontroll");
        post.putArray("tags").add("Tecken");
        assertEquals(201, http.write("POST", "/api/posts", post.toString()).status());
        for (String path : List.of("/feed.xml", "/tags/tecken/feed.xml", "/people/kim-kontroll/feed.xml")) {
            var feed = http.get(path);
            assertEquals(200, feed.status(), path);
            var doc = parsed(feed.body());
            // Its own entry: other tests' posts, made now too, may stand above it in the site's feed.
            var entries = doc.getElementsByTagNameNS(ATOM, "entry");
            Element entry = null;
            for (int i = 0; i < entries.getLength(); i++) {
                Element e = (Element) entries.item(i);
                if (e.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent().equals("Kontrolltecken i texten")) {
                    entry = e;
                }
            }
            assertTrue(entry != null, path + ": " + feed.body());
            assertTrue(entry.getElementsByTagNameNS(ATOM, "content").item(0).getTextContent().contains("Hej \uFFFD då \uFFFD och \uFFFD slut"), path);
        }
        String page = http.get("/posts/kontrolltecken-i-texten").body();
        assertTrue(page.contains("<p>Hej \uFFFD då \uFFFD och \uFFFD slut</p>"), page);
        assertFalse(page.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'), "no control on the page");
    }

    @Test
    void hostileTitlesAndBodiesShowAsTextEverywhere() {
        var hostile = Http.JSON.createObjectNode();
        hostile.put("title", "<script>alert(1)</script> Elak rubrik");
        hostile.put("body", "<img src=x onerror=alert(1)>\n\n<script>alert(2)</script>");
        hostile.putObject("author").put("name", "<b>Mallory</b>");
        hostile.putArray("tags").add("<i>Etikett</i>");
        assertEquals(201, http.write("POST", "/api/posts", hostile.toString()).status());
        for (String path : List.of("/", "/posts/script-alert-1-script-elak-rubrik", "/tags/i-etikett-i", "/feed.xml")) {
            String body = http.get(path).body();
            assertFalse(body.contains("<script>alert"), path);
            assertFalse(body.contains("<img src=x"), path);
            assertFalse(body.contains("<b>Mallory"), path);
        }
    }

    /**
     * A post saved with a link and a picture at "https://user:pw@…" in its text (which older rules took) would send the
     * password to every reader of its page, the feed and the API's bodyHtml. Its HTML, stored by the renderer before, is
     * made again when read: the link is its text, the bare address shows without the password, the picture is its alt text.
     */
    @Test
    void aPostStoredWithALinkCarryingAPasswordShowsReadersNoPassword() {
        JsonNode created = http.created(Http.post("Rapporten på intranätet", "Se rapporten.", "2018-05-05", "Åsa Öberg", "Frivården Malmö",
                "published", "Intranät"));
        String markdown = "Se [rapporten](https://anna:hemligt@intra.example/rapport) och https://anna:hemligt@intra.example/lista.\n\n"
                + "![Kartan](https://anna:hemligt@intra.example/karta.jpg)";
        String storedBefore = "<p>Se <a rel=\"nofollow\" href=\"https://anna:hemligt@intra.example/rapport\">rapporten</a> och "
                + "<a rel=\"nofollow\" href=\"https://anna:hemligt@intra.example/lista\">https://anna:hemligt@intra.example/lista</a>.</p>\n"
                + "<p><img src=\"https://anna:hemligt@intra.example/karta.jpg\" alt=\"Kartan\" /></p>\n";
        // The excerpt made from that body then, in the post item and each list's entry, read without the password.
        String excerptBefore = "Se rapporten och https://anna:hemligt@intra.example/lista. Kartan.";
        String postKey = "POST#" + created.path("id").asText();
        try (var client = env.server.dynamoClient()) {
            client.putItem(b -> b.tableName(env.server.tableName()).item(Map.of(
                    "PK", AttributeValue.fromS(postKey), "SK", AttributeValue.fromS("BODY"),
                    "body", AttributeValue.fromS(markdown), "html", AttributeValue.fromS(storedBefore), "renderer", AttributeValue.fromN("1"))));
            assertTrue(storedExcerpts(client, postKey).size() >= 2, "the post item and the list entries");
            for (var item : storedExcerpts(client, postKey).keySet()) {
                client.updateItem(b -> b.tableName(env.server.tableName()).key(Map.of("PK", AttributeValue.fromS(postKey), "SK",
                        AttributeValue.fromS(item))).updateExpression("SET excerpt = :e").expressionAttributeValues(Map.of(":e",
                        AttributeValue.fromS(excerptBefore))));
            }
        }
        String page = http.get("/posts/" + created.path("slug").asText()).body();
        assertTrue(page.contains("<p>Se rapporten och https://intra.example/lista.</p>"), page);
        assertTrue(page.contains("<p>Kartan</p>") && !page.contains("<img src=\"\""), page);
        assertTrue(page.contains("content=\"Se rapporten och https://intra.example/lista. Kartan.\""), page);
        String feed = http.get("/feed.xml").body();
        String entry = feed.substring(feed.indexOf("<title>Rapporten på intranätet</title>"));
        assertTrue(entry.contains("Se rapporten och https://intra.example/lista."), entry);
        JsonNode api = http.get("/api/posts/" + created.path("slug").asText()).json();
        String bodyHtml = api.path("bodyHtml").asText();
        assertEquals("<p>Se rapporten och https://intra.example/lista.</p>\n<p>Kartan</p>\n", bodyHtml);
        assertEquals("Se rapporten och https://intra.example/lista. Kartan.", api.path("excerpt").asText());
        String list = http.get("/tags/intranat").body();
        assertTrue(list.contains("Rapporten på intranätet"), list);
        // The API's body is the Markdown as written until its author edits it (README); all else it sends is as readers see it.
        String apiButBody = ((ObjectNode) api.deepCopy()).without("body").toString();
        for (String read : List.of(page, feed, apiButBody, list, http.get("/").body())) {
            assertFalse(read.contains("hemligt"), read);
        }
        // Read as made from the body, the excerpt is made anew from the body its author fixes, in every item.
        var fixed = http.sendWith("PATCH", "/api/posts/" + created.path("slug").asText(), "application/merge-patch+json",
                "{\"body\": \"Se [rapporten](https://intra.example/rapport).\"}", Map.of("If-Match", "*"));
        assertEquals(200, fixed.status(), fixed.body());
        assertEquals("Se rapporten.", fixed.json().path("excerpt").asText());
        try (var client = env.server.dynamoClient()) {
            assertEquals(Set.of("Se rapporten."), Set.copyOf(storedExcerpts(client, postKey).values()));
        }
    }

    /**
     * The excerpt of each of the post's items that has one (the post item and its list entries), by sort key. Not its
     * earlier versions: each keeps the words as they were, for its author alone (README, "Nothing you save over is lost").
     */
    private static Map<String, String> storedExcerpts(DynamoDbClient client, String postKey) {
        Map<String, String> excerpts = new LinkedHashMap<>();
        client.queryPaginator(b -> b.tableName(env.server.tableName()).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(postKey)))).items().forEach(item -> {
                    if (item.containsKey("excerpt") && !item.get("SK").s().startsWith("VERSION#")) {
                        excerpts.put(item.get("SK").s(), item.get("excerpt").s());
                    }
                });
        return excerpts;
    }

    @Test
    void unknownPagesAndMethodsAnswerInHtmlAndTheApiInJson() {
        var page = http.get("/finns/inte");
        assertEquals(404, page.status());
        assertTrue(page.header("content-type").startsWith("text/html"));
        var method = http.raw("DELETE", "/", Map.of(), null);
        assertEquals(405, method.status());
        assertTrue(method.header("content-type").startsWith("text/html"));
        assertTrue(http.get("/api/finns-inte").header("content-type").startsWith("application/json"));
    }
}
