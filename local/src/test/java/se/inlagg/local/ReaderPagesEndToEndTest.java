package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.inlagg.http.Caching;
import se.inlagg.posts.Tag;

/**
 * What a reader finds beyond the newest posts, over HTTP against the local server: the categories,
 * the archive, people and offices with their counts, paging both ways, a post's neighbours and
 * related posts, pages that present themselves for sharing, the sitemap, robots.txt and the icon,
 * and absolute addresses that no Host header can change.
 */
class ReaderPagesEndToEndTest extends ServerTest {

    static String base;

    @BeforeAll
    static void seed() {
        base = env.server.baseUri().toString();
        post("Månadsmöte i Västervik", "Vi träffades i Västervik.\n\n- punkt ett\n- punkt två", "2019-01-30", "Åsa Öberg",
                "Frivården Västervik", "published", true, "Frivård", "Samverkan");
        post("Kontraktsvård i Norrköping", "Om kontraktsvården.", "2019-02-14", "Per Persson", "Frivården Norrköping", "published", false,
                "Kontraktsvård", "Samverkan");
        post("Rutiner i Linköping", "Nya rutiner.", "2020-03-02", "Åsa Öberg", "Frivården Linköping", "published", false, "Frivård");
        post("Utkast om det hemliga", "Inte klart.", null, "Åsa Öberg", "Frivården Västervik", "draft", false, "Hemlig kategori");
        post("Nyårshälsning", "Gott nytt år.", "2031-01-01", "Åsa Öberg", "Frivården Västervik", "published", false, "Framtida kategori");
    }

    static JsonNode post(String title, String body, String publishedAt, String author, String office, String status, boolean image,
                         String... tags) {
        return post(http, title, body, publishedAt, author, office, status, image, tags);
    }

    static JsonNode post(Http http, String title, String body, String publishedAt, String author, String office, String status,
                         boolean image, String... tags) {
        var post = Http.post(title, body, publishedAt, author, office, status, tags);
        if (image) {
            post.putObject("image").put("url", "https://bilder.example.se/vastervik.jpg").put("alt", "Kontoret i Västervik");
        }
        return http.created(post);
    }

    static String page(String path) {
        return page(http, path);
    }

    static String page(Http http, String path) {
        var reply = http.get(path);
        assertEquals(200, reply.status(), path + ": " + reply.body());
        return reply.body();
    }

    @Test
    void theCategoriesPageListsEveryCategoryReadersCanSeeWithItsCount() {
        String html = page("/tags");
        assertTrue(html.contains("<a href=\"/tags/frivard\">Frivård</a> <span class=\"count\">2 inlägg</span>"), html);
        assertTrue(html.contains("<a href=\"/tags/samverkan\">Samverkan</a> <span class=\"count\">2 inlägg</span>"));
        assertTrue(html.contains("<a href=\"/tags/kontraktsvard\">Kontraktsvård</a> <span class=\"count\">1 inlägg</span>"));
        assertFalse(html.contains("Hemlig kategori") || html.contains("Framtida kategori"), "only drafts or scheduled posts carry those");
        for (String path : List.of("/", "/tags/frivard", "/posts/manadsmote-i-vastervik", "/archive")) {
            String other = page(path);
            assertTrue(other.contains("<a href=\"/tags\">Kategorier</a>") && other.contains("<a href=\"/archive\">Arkiv</a>"), path);
        }
        assertTrue(page("/posts/manadsmote-i-vastervik").contains("<a href=\"/tags/samverkan\">Samverkan</a>"), "a post links its categories");
    }

    /** The index pages go by name in Swedish order, not by slug, where "Åsa" is "asa" and comes before "Eva". */
    @Test
    void indexPagesListNamesInSwedishAlphabeticalOrder() {
        post("Ordning i alfabetet", "Text.", "2018-05-02", "Eva Lind", "Frivården Ängelholm", "published", false,
                "Örjans ärenden", "Zebra", "Återfall", "Anna", "Ärenden", "Åland");
        List<String> expected = List.of("Anna", "Zebra", "Åland", "Återfall", "Ärenden", "Örjans ärenden");
        assertEquals(expected, inOrderFound(page("/tags"), expected));
        assertEquals(expected, inOrderFound(http.get("/api/tags").body(), expected));
        List<String> people = List.of("Eva Lind", "Per Persson", "Åsa Öberg");
        assertEquals(people, inOrderFound(page("/people"), people));
        assertEquals(people, inOrderFound(http.get("/api/people").body(), people));
        List<String> offices = List.of("Frivården Linköping", "Frivården Ängelholm");
        assertEquals(offices, inOrderFound(page("/offices"), offices));
        assertEquals(offices, inOrderFound(http.get("/api/offices").body(), offices));
    }

    /**
     * What other systems read of people, offices and months: the API lists what /people, /offices and /archive list, in
     * their order, with their counts, and each item's slug narrows the list of posts to exactly that many posts. A
     * person and an office whose only posts are a draft and a post scheduled for 2031 are in none of them, nor is 2031;
     * Åsa Öberg's draft and scheduled post are not counted.
     */
    @Test
    void theApiListsThePeopleOfficesAndMonthsTheirPagesList() {
        post("Ett utkast från Kiruna", "Inte klart.", null, "Dold Skribent", "Frivården Kiruna", "draft", false, "Dolt");
        post("Hälsning till 2031", "Sedan.", "2031-02-01", "Kommande Skribent", "Frivården Visby", "published", false, "Sedan");
        Map<String, String> pageOf = Map.of("/api/people", "/people", "/api/offices", "/offices", "/api/months", "/archive");
        Map<String, String> parameterOf = Map.of("/api/people", "author", "/api/offices", "office", "/api/months", "month");
        pageOf.forEach((api, index) -> {
            var answer = http.get(api);
            assertEquals(200, answer.status(), api);
            assertTrue(answer.header("content-type").startsWith("application/json"), api);
            String html = page(index);
            List<String> linked = new ArrayList<>();
            Matcher links = Pattern.compile("<a href=\"" + Pattern.quote(index + "/")
                    + "([a-z0-9-]+)\">[^<]+</a> <span class=\"count\">(\\d+) inlägg</span>").matcher(html);
            while (links.find()) {
                linked.add(links.group(1) + " " + links.group(2));
            }
            List<String> listed = new ArrayList<>();
            for (JsonNode item : answer.json().path("items")) {
                String slug = item.path("slug").asText();
                long count = item.path("count").asLong();
                listed.add(slug + " " + count);
                assertTrue(html.contains(">" + item.path("name").asText() + "</a>"), item + " named as on " + index);
                assertEquals(count, http.get("/api/posts?limit=100&" + parameterOf.get(api) + "=" + slug).json().path("items").size(),
                        item + ": its count is the posts its slug lists");
            }
            assertFalse(listed.isEmpty(), api);
            assertEquals(linked, listed, api + " lists what " + index + " does, in its order, with its counts");
        });
        assertEquals(2, ApiAsserts.count(http, "/api/people", "asa-oberg"), "her draft and her post of 2031 are not counted yet");
        for (String hidden : List.of("dold-skribent", "kommande-skribent")) {
            assertEquals(0, ApiAsserts.count(http, "/api/people", hidden), hidden + " has no post readers can see");
        }
        for (String hidden : List.of("frivarden-kiruna", "frivarden-visby")) {
            assertEquals(0, ApiAsserts.count(http, "/api/offices", hidden), hidden + " has no post readers can see");
        }
        JsonNode months = http.get("/api/months").json().path("items");
        List<String> slugs = ApiAsserts.slugs(months);
        assertTrue(slugs.containsAll(List.of("2020-03", "2019-02", "2019-01")) && !slugs.contains("2031-01") && !slugs.contains("2031-02"),
                slugs.toString());
        assertEquals(slugs.stream().sorted(Comparator.reverseOrder()).toList(), slugs, "the newest month first");
        assertEquals("Mars 2020", months.get(slugs.indexOf("2020-03")).path("name").asText());
    }

    /**
     * A name or an office in no Latin letters makes no address, so no page, feed or filter: no filter or search scope could
     * find such a byline's posts. It is refused, as such a category is, naming the fields, and the form says so in Swedish.
     * (One stored before is shown unlinked: PagesRenderingTest.)
     */
    @Test
    void aNameWithNoLatinLetterIsRefusedNamingItsFields() {
        var refused = http.write("POST", "/api/posts", Http.post("Hälsning från Kyiv", "Hej från kontoret.", "2016-06-01", "Ольга Петренко", "Київ",
                "published").toString());
        assertEquals(400, refused.status(), refused.body());
        var details = refused.json().path("error").path("details");
        assertEquals("author.name", details.path(0).path("field").asText(), refused.body());
        assertEquals(Tag.LETTER_OR_DIGIT, details.path(0).path("message").asText());
        assertEquals("author.office", details.path(1).path("field").asText(), refused.body());
        assertEquals(201, http.write("POST", "/api/posts", Http.post("Hälsning från Kyiv", "Hej.", "2016-06-01", "Olha Petrenko", "Kyjiv",
                "published").toString()).status(), "written in Latin letters, as a Swedish byline is");
    }

    /** The names as they come in the text, each where it first stands as a whole name. */
    static List<String> inOrderFound(String text, List<String> names) {
        return names.stream().sorted(Comparator.comparingInt(n -> {
            Matcher m = Pattern.compile("[>\"]" + Pattern.quote(n) + "[<\"]").matcher(text);
            assertTrue(m.find(), n + " is listed");
            return m.start();
        })).toList();
    }

    /**
     * /?month=2019-01&month=2019-01 would say the month had no posts (the two joined with a comma are no month), while
     * /sok?q=a&q=b searched the first. A name given twice gets one Swedish sentence on every page.
     */
    @Test
    void aParameterGivenTwiceGetsASwedishSentenceOnEveryPage() {
        for (String path : List.of("/?month=2019-01&month=2019-01", "/tags/frivard?month=2019-01&month=2020-03", "/?cursor=a&cursor=b",
                "/sok?q=m%C3%B6te&q=rutiner", "/sok?q=rutiner&tag=frivard&tag=samverkan")) {
            var reply = http.get(path);
            assertEquals(400, reply.status(), path + ": " + reply.body());
            String name = path.substring(path.lastIndexOf('&') + 1, path.lastIndexOf('='));
            assertTrue(reply.body().contains("Adressen anger ”" + name + "” mer än en gång"), path + ": " + reply.body());
            assertTrue(reply.header("content-type").startsWith("text/html"), path);
        }
        assertTrue(page("/?month=2019-01").contains("Månadsmöte i Västervik"), "given once, as ever");
    }

    /**
     * A parameter given empty is no parameter: /?month= and /tags/frivard?cursor= (a form sent with its month left blank,
     * a link cut short after its "=") are the list's first page, not a month that is none nor a cursor that leads nowhere.
     */
    @Test
    void aParameterGivenEmptyIsTheListsFirstPage() {
        for (var empty : Map.of("/?month=", "/", "/?cursor=", "/", "/tags/frivard?month=", "/tags/frivard",
                "/tags/frivard?cursor=", "/tags/frivard").entrySet()) {
            assertEquals(titles(page(empty.getValue())), titles(page(empty.getKey())), empty.getKey());
        }
    }

    /**
     * An "older posts" link whose cursor is edited to an impossible date shows no page: it is refused as any other made-up
     * cursor is, in Swedish; a cursor made alike with a date that is one still pages.
     */
    @Test
    void aListCursorEditedToAnImpossibleDateIsRefusedInSwedish() {
        String id = "#5ad2042c-f7f5-47ac-98da-d4ede0d324ab";
        BiFunction<String, String, String> cursor = (list, date) -> Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("c1|" + list + "||" + date + id).getBytes(StandardCharsets.UTF_8));
        assertTrue(page("/?cursor=" + cursor.apply("feed", "2019-03-01T00:00:00Z")).contains("Månadsmöte i Västervik"), "a date that is one");
        assertTrue(page("/tags/frivard?cursor=" + cursor.apply("tag:frivard", "2020-01-01T00:00:00Z")).contains("Månadsmöte i Västervik"));
        for (var impossible : Map.of("/", cursor.apply("feed", "2019-13-01T00:00:00Z"),
                "/tags/frivard", cursor.apply("tag:frivard", "2019-02-30T00:00:00Z")).entrySet()) {
            var reply = http.get(impossible.getKey() + "?cursor=" + impossible.getValue());
            assertEquals(400, reply.status(), impossible + ": " + reply.body());
            assertTrue(reply.header("content-type").startsWith("text/html"), impossible.toString());
            assertTrue(reply.body().contains("Länken till nästa sida gäller inte längre. Börja om från alla inlägg."), impossible + ": " + reply.body());
            assertEquals(http.get(impossible.getKey() + "?cursor=bm90LWEtY3Vyc29y").body(), reply.body(), "as a cursor made up of anything");
        }
    }

    @Test
    void aCategoryOnlyDraftsOrScheduledPostsCarryIsNotFoundNorItsFeed() {
        for (String slug : List.of("hemlig-kategori", "framtida-kategori", "finns-inte")) {
            var listed = http.get("/tags/" + slug);
            assertEquals(404, listed.status(), slug);
            assertFalse(listed.body().contains("Hemlig kategori") || listed.body().contains("Framtida kategori"), "the name stays hidden");
            assertTrue(listed.body().contains("<a href=\"/tags\">Alla kategorier</a>"), "the categories to choose from: " + listed.body());
            assertEquals(404, http.get("/tags/" + slug + "/feed.xml").status(), slug);
            assertEquals(0, http.get("/api/posts?tag=" + slug).json().path("items").size());
        }
        // A person, an office or a month nobody wrote from: the list of them, to choose again.
        Map<String, String> missing = Map.of("/people/ingen-alls", "<a href=\"/people\">Alla skribenter</a>",
                "/offices/inget-kontor", "<a href=\"/offices\">Alla kontor</a>", "/archive/1999-01", "<a href=\"/archive\">Arkivet, månad för månad</a>");
        missing.forEach((path, link) -> {
            var reply = http.get(path);
            assertEquals(404, reply.status(), path);
            assertTrue(reply.body().contains(link), path + ": " + reply.body());
        });
        assertFalse(http.get("/posts/finns-inte").body().contains("Alla kategorier"), "a post's 404 has no list above it");
    }

    @Test
    void theArchiveListsYearsAndMonthsNewestFirstWithCounts() {
        String html = page("/archive");
        assertTrue(html.indexOf("<h2 id=\"ar-2020\">") < html.indexOf("<h2 id=\"ar-2019\">"), html);
        assertTrue(html.contains("<h2 id=\"ar-2019\">2019<span class=\"count\">, 2 inlägg</span></h2>"), "read aloud as a year, then a count: " + html);
        assertTrue(html.indexOf("Februari 2019") < html.indexOf("Januari 2019"));
        assertTrue(html.contains("<a href=\"/archive/2020-03\">Mars 2020</a> <span class=\"count\">1 inlägg</span>"));
        assertFalse(html.contains("2031"), "a scheduled post's month waits for its time");
        assertTrue(page("/archive/2020-03").contains("Rutiner i Linköping"));
    }

    @Test
    void everyBylineLeadsToItsPersonAndOfficeAndBothHaveIndexPages() {
        String people = page("/people");
        assertTrue(people.contains("<a href=\"/people/asa-oberg\">Åsa Öberg</a> <span class=\"count\">2 inlägg</span>"), people);
        assertTrue(people.contains("<a href=\"/people/per-persson\">Per Persson</a>"));
        String offices = page("/offices");
        for (String office : List.of("Frivården Västervik", "Frivården Norrköping", "Frivården Linköping")) {
            assertTrue(offices.contains(">" + office + "</a> <span class=\"count\">1 inlägg</span>"), office + ": " + offices);
        }
        Matcher links = Pattern.compile("<span class=\"byline\"><a href=\"(/people/[a-z0-9-]+)\">[^<]+</a>, [^<]+, <a href=\"(/offices/[a-z0-9-]+)\">")
                .matcher(page("/"));
        Set<String> followed = new HashSet<>();
        while (links.find()) {
            followed.add(links.group(1));
            followed.add(links.group(2));
        }
        assertTrue(followed.containsAll(List.of("/people/asa-oberg", "/offices/frivarden-linkoping")), followed.toString());
        for (String path : followed) {
            assertTrue(page(path).contains("<h1>Inlägg "), path);
        }
    }

    /**
     * Uptime monitors and link checkers ask with HEAD: every reader page answers it as its GET, with the
     * same status, type and ETag and no body; author pages, which none of them watch, do not.
     */
    @Test
    void readerPagesAnswerHeadAsTheirGetWithoutTheBody() {
        for (String path : List.of("/", "/posts/manadsmote-i-vastervik", "/tags/frivard", "/archive/2019-01", "/people/asa-oberg",
                "/offices/frivarden-vastervik", "/tags", "/archive", "/people", "/offices", "/feed.xml", "/tags/frivard/feed.xml",
                "/sitemap.xml", "/robots.txt", "/favicon.ico", "/style.css", "/sok?q=rutiner")) {
            var get = http.get(path);
            var head = http.raw("HEAD", path, Map.of(), null);
            assertEquals(200, get.status(), path);
            assertEquals(200, head.status(), path);
            // No body: an HTTP server sends none to a HEAD, whatever its handler gives; that the functions give none
            // (as API Gateway would pass on) EdgeTest and the runtime test's UserChecks check.
            assertEquals(get.header("content-type"), head.header("content-type"), path);
            assertEquals(get.header("etag"), head.header("etag"), path);
            assertEquals(get.header("cache-control"), head.header("cache-control"), path);
        }
        assertEquals(404, http.raw("HEAD", "/posts/finns-inte", Map.of(), null).status());
        assertEquals(405, http.raw("HEAD", "/write", Map.of(), null).status());
    }

    /** A post's address in capitals, or any address with a slash at the end, is found. */
    @Test
    void aPostsAddressInCapitalsOrWithASlashAtTheEndLeadsToThePage() {
        var upper = http.get("/posts/MANADSMOTE-I-VASTERVIK");
        assertEquals(301, upper.status());
        assertEquals("/posts/manadsmote-i-vastervik", upper.header("location"));
        // An address of no post is not sent on for a day (301, max-age=86400) to a 404.
        for (String nothing : List.of("/posts/FINNS-INTE-ALLS", "/posts/manadsmote-i-vastervik.html", "/posts/Manadsmote-i-Vastervik;x=1")) {
            var none = http.get(nothing);
            assertEquals(404, none.status(), nothing);
            assertTrue(none.body().contains("Sidan finns inte"), nothing + ": " + none.body());
        }
        // An address typed with the title's own letters is found.
        var swedish = http.get("/posts/m%C3%A5nadsm%C3%B6te-i-v%C3%A4stervik");
        assertEquals(301, swedish.status());
        assertEquals("/posts/manadsmote-i-vastervik", swedish.header("location"));
        assertEquals(404, http.get("/posts/%C3%96-%C3%84R-INGEN-ADRESS").status(), "no post at o-ar-ingen-adress: not sent there");
        assertEquals(404, http.get("/posts/%F0%9F%8E%89").status(), "nothing of a slug in it: not found");
        var slash = http.get("/tags/frivard/");
        assertEquals(301, slash.status(), "an address with a slash at the end, as people type it");
        assertEquals("/tags/frivard", slash.header("location"));
    }

    /**
     * /posts/MANADSMOTE-I-VASTERVIK/ is sent on once, not for the slash and then for the capitals, and an address with the
     * name's own letters and a slash (/tags/Frivård/) is found. One redirect, to the page's own address, which answers at
     * once.
     */
    @Test
    void anAddressInCapitalsAndWithASlashAtTheEndIsSentOnceToThePagesOwnAddress() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("/posts/MANADSMOTE-I-VASTERVIK/", "/posts/manadsmote-i-vastervik");
        typed.put("/posts/M%C3%A5nadsm%C3%B6te-i-V%C3%A4stervik/", "/posts/manadsmote-i-vastervik");
        typed.put("/posts/Manadsmote-i-Vastervik//?utm_source=nyhetsbrev", "/posts/manadsmote-i-vastervik?utm_source=nyhetsbrev");
        typed.put("/tags/FRIVARD/", "/tags/frivard");
        typed.put("/tags/Friv%C3%A5rd/?month=2019-01", "/tags/frivard?month=2019-01");
        typed.put("/tags/FRIVARD/feed.xml/", "/tags/frivard/feed.xml");
        typed.put("/people/%C3%85sa%20%C3%96berg/", "/people/asa-oberg");
        typed.put("/people/Asa-Oberg/feed.xml/", "/people/asa-oberg/feed.xml");
        typed.put("/offices/Frivarden-Vastervik/", "/offices/frivarden-vastervik");
        typed.put("/offices/FRIVARDEN-VASTERVIK/feed.xml/", "/offices/frivarden-vastervik/feed.xml");
        typed.put("/archive/2019-01/", "/archive/2019-01");
        typed.forEach((path, own) -> {
            var sent = http.get(path);
            assertEquals(301, sent.status(), path);
            assertEquals(own, sent.header("location"), path);
            assertEquals(200, http.get(own).status(), path + ": the page's own address answers, with no second redirect");
        });
        var capitals = http.get("/posts/MANADSMOTE-I-VASTERVIK?utm_source=nyhetsbrev");
        assertEquals("/posts/manadsmote-i-vastervik?utm_source=nyhetsbrev", capitals.header("location"), "the query kept, as with a slash");
    }

    @Test
    void aPostPageLeadsToTheNewerAndOlderPostAndToRelatedOnes() {
        String html = page("/posts/kontraktsvard-i-norrkoping");
        assertTrue(html.contains("<a rel=\"prev\" href=\"/posts/rutiner-i-linkoping\">Rutiner i Linköping</a>"), html);
        assertTrue(html.contains("<a rel=\"next\" href=\"/posts/manadsmote-i-vastervik\">Månadsmöte i Västervik</a>"), html);
        String related = page("/posts/manadsmote-i-vastervik");
        String section = related.substring(related.indexOf("<section class=\"related\""));
        assertTrue(section.contains("href=\"/posts/rutiner-i-linkoping\"") && section.contains("href=\"/posts/kontraktsvard-i-norrkoping\""),
                "the posts that share Frivård and Samverkan: " + section);
        assertFalse(section.contains("manadsmote-i-vastervik\""), "not the post itself");
    }

    /** The newest post readers can see leads to nothing newer: a scheduled post is not linked before its time. */
    @Test
    void theNewestVisiblePostLeadsToNoScheduledOne() {
        String html = page("/posts/rutiner-i-linkoping");
        assertFalse(html.contains("rel=\"prev\""), html);
        assertFalse(html.contains("nyarshalsning") || html.contains("Nyårshälsning"), "the post scheduled for 2031 waits for its time");
        assertTrue(html.contains("<a rel=\"next\" href=\"/posts/kontraktsvard-i-norrkoping\">Kontraktsvård i Norrköping</a>"), html);
        assertEquals(404, http.get("/posts/nyarshalsning").status(), "nor is it shown");
    }

    @Test
    void everyPublicPagePresentsItselfForSharingWithItsOwnTitleAndAddress() throws Exception {
        Set<String> titles = new HashSet<>();
        for (String path : List.of("/", "/tags", "/tags/frivard", "/archive", "/archive/2019-01", "/people", "/people/asa-oberg",
                "/offices", "/offices/frivarden-vastervik", "/posts/manadsmote-i-vastervik")) {
            String html = page(path);
            String title = meta(html, "<title>([^<]+)</title>");
            assertTrue(titles.add(title), "a title of its own: " + title);
            assertEquals(base + path, meta(html, "<link rel=\"canonical\" href=\"([^\"]+)\">"), path);
            assertEquals(base + path, meta(html, "<meta property=\"og:url\" content=\"([^\"]+)\">"), path);
            assertFalse(meta(html, "<meta name=\"description\" content=\"([^\"]+)\">").isBlank(), path);
            assertTrue(html.contains("<meta property=\"og:title\"") && html.contains("<meta name=\"twitter:card\""), path);
            assertTrue(html.contains("<link rel=\"icon\" href=\"/assets/favicon."), path);
        }
        // Asked for as typed: the canonical address, the links on and the feed's id are the slug's.
        for (var typed : Map.of("/tags/FRIV%C3%85RD", "/tags/frivard", "/people/%C3%85SA%20%C3%96BERG", "/people/asa-oberg",
                "/?month=2019-01", "/archive/2019-01").entrySet()) {
            String html = page(typed.getKey());
            assertEquals(base + typed.getValue(), meta(html, "<link rel=\"canonical\" href=\"([^\"]+)\">"), typed.getKey());
        }
        String typedFeed = page("/tags/FRIVARD/feed.xml");
        assertTrue(typedFeed.contains("<id>" + base + "/tags/frivard/feed.xml</id>"), typedFeed);
        assertTrue(typedFeed.contains("href=\"" + base + "/tags/frivard/feed.xml\""), typedFeed);

        String post = page("/posts/manadsmote-i-vastervik");
        assertEquals("Vi träffades i Västervik. Punkt ett; punkt två.", meta(post, "<meta name=\"description\" content=\"([^\"]+)\">"),
                "the excerpt, with its list as one sentence");
        assertTrue(post.contains("<meta property=\"og:type\" content=\"article\">"));
        assertTrue(post.contains("<meta property=\"og:image\" content=\"https://bilder.example.se/vastervik.jpg\">"));
        assertTrue(post.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
        JsonNode posting = Http.JSON.readTree(meta(post, "<script type=\"application/ld\\+json\">(.+?)</script>"));
        assertEquals("BlogPosting", posting.path("@type").asText());
        assertEquals("Månadsmöte i Västervik", posting.path("headline").asText());
        assertEquals(base + "/posts/manadsmote-i-vastervik", posting.path("url").asText());
        assertEquals("https://bilder.example.se/vastervik.jpg", posting.path("image").path(0).asText());
        assertTrue(page("/posts/rutiner-i-linkoping").contains("<meta name=\"twitter:card\" content=\"summary\">"), "no picture: a small card");
    }

    @Test
    void theSitemapNamesEveryPublicPageAndRobotsPointAtIt() throws Exception {
        var index = http.get("/sitemap.xml");
        assertEquals("application/xml; charset=utf-8", index.header("content-type"));
        List<String> sitemaps = locs(index.body());
        assertTrue(sitemaps.containsAll(List.of(base + "/sitemaps/sidor.xml", base + "/sitemaps/2019-01.xml", base + "/sitemaps/2020-03.xml")),
                sitemaps.toString());
        assertFalse(sitemaps.stream().anyMatch(s -> s.contains("2031")), "nothing readers cannot see yet");
        List<String> pages = locs(page("/sitemaps/sidor.xml"));
        assertTrue(pages.containsAll(List.of(base + "/", base + "/tags", base + "/tags/frivard", base + "/archive/2019-02",
                base + "/people/per-persson", base + "/offices/frivarden-linkoping")), pages.toString());
        assertFalse(pages.contains(base + "/tags/hemlig-kategori"));
        List<String> january = locs(page("/sitemaps/2019-01.xml"));
        assertTrue(january.contains(base + "/posts/manadsmote-i-vastervik") && !january.contains(base + "/posts/kontraktsvard-i-norrkoping"),
                january.toString());
        for (String missing : List.of("/sitemaps/2031-01.xml", "/sitemaps/finns-inte.xml", "/sitemaps/2019-13.xml")) {
            assertEquals(404, http.get(missing).status(), missing);
        }
        String robots = page("/robots.txt");
        assertTrue(robots.contains("Sitemap: " + base + "/sitemap.xml") && robots.contains("Disallow: /write"), robots);
        var icon = http.get("/favicon.ico");
        assertEquals("image/x-icon", icon.header("content-type"));
        assertTrue(icon.header("cache-control").contains("max-age=604800"), icon.header("cache-control"));
        var svg = http.get(meta(page("/"), "<link rel=\"icon\" href=\"([^\"]+)\""));
        assertEquals("image/svg+xml", svg.header("content-type"));
        assertEquals(Caching.IMMUTABLE, svg.header("cache-control"));
    }

    /**
     * robots.txt keeps crawlers off every page that is no reader's: the forms, an author's own pages, sign-in, the API,
     * and search results, one page for each query a crawler could make up.
     */
    @Test
    void robotsKeepCrawlersOffTheFormsAnAuthorsPagesSearchAndTheApi() {
        List<String> lines = page("/robots.txt").lines().toList();
        for (String path : List.of("/write", "/drafts", "/signin", "/sok", "/api/")) {
            assertTrue(lines.contains("Disallow: " + path), path + ": " + lines);
        }
    }

    /** The sitemap of the site's own pages names every index a reader browses from: categories, archive, people and offices. */
    @Test
    void theSitemapOfTheSitesOwnPagesNamesEveryIndexPage() {
        List<String> pages = locs(page("/sitemaps/sidor.xml"));
        for (String index : List.of("/", "/tags", "/archive", "/people", "/offices")) {
            assertTrue(pages.contains(base + index), index + ": " + pages);
        }
    }

    @Test
    void aForgedHostHeaderChangesNoAbsoluteAddress() {
        for (String path : List.of("/feed.xml", "/tags/frivard/feed.xml", "/", "/posts/manadsmote-i-vastervik", "/sitemap.xml",
                "/sitemaps/sidor.xml", "/robots.txt", "/tags")) {
            var reply = http.socket("GET", path, List.of("Host: evil.example"), null);
            assertEquals(200, reply.status(), path + ": " + reply.body());
            assertFalse(reply.body().contains("evil.example"), path + " took the forged Host: " + reply.body());
            assertTrue(reply.body().contains(base), path + " names the site's own address");
        }
    }

    @Test
    void theFeedsCarryEachPostsPictureAndWholeText() {
        String feed = page("/feed.xml");
        String entry = feed.substring(feed.indexOf("<title>Månadsmöte i Västervik</title>"));
        entry = entry.substring(0, entry.indexOf("</entry>"));
        assertTrue(entry.contains("<link rel=\"enclosure\" href=\"https://bilder.example.se/vastervik.jpg\"/>"), entry);
        assertTrue(entry.contains("&lt;img src=&quot;https://bilder.example.se/vastervik.jpg&quot;"), "the picture in the content: " + entry);
        assertTrue(entry.contains("&lt;li&gt;punkt två&lt;/li&gt;"), "the whole text: " + entry);
        // A link written relative to the site is made absolute: a feed reader has nothing to resolve it against.
        String site = base.replaceAll("/$", "");
        assertTrue(entry.contains("<content type=\"html\" xml:base=\"" + site + "/posts/manadsmote-i-vastervik\">"), entry);
    }

    static String link(String html, String rel, String text) {
        Matcher m = Pattern.compile("<a rel=\"" + rel + "\" href=\"([^\"]+)\">" + text + "</a>").matcher(html);
        assertTrue(m.find(), "no " + text + " link");
        return m.group(1).replace("&amp;", "&");
    }

    static List<String> titles(String html) {
        List<String> titles = new ArrayList<>();
        Matcher m = Pattern.compile("<h2><a href=\"[^\"]+\">([^<]+)</a></h2>").matcher(html);
        while (m.find()) {
            titles.add(m.group(1));
        }
        assertFalse(titles.isEmpty());
        return titles;
    }

    private static List<String> locs(String xml) {
        List<String> locs = new ArrayList<>();
        Matcher m = Pattern.compile("<loc>([^<]+)</loc>").matcher(xml);
        while (m.find()) {
            locs.add(m.group(1));
        }
        return locs;
    }

    static String meta(String html, String pattern) {
        Matcher m = Pattern.compile(pattern, Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "no " + pattern);
        return m.group(1);
    }
}
