package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.local.ApiAsserts.assertError;
import static se.inlagg.local.ApiAsserts.slugs;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The JSON contract README.md gives ("The API by example") over real HTTP against the local server. */
class PostsApiEndToEndTest extends ServerTest {


    @Test
    void aCreatedSwedishPostIsServedAtItsPermalink() {
        var created = http.createPost("Att gästspela som chef", "2019-01-30", "Ledarskap", "Frivård");
        assertEquals(201, created.status(), created.body());
        assertEquals("/api/posts/att-gastspela-som-chef", created.header("location"));
        JsonNode post = created.json();
        assertEquals("att-gastspela-som-chef", post.path("slug").asText());
        assertEquals("2019-01-29T23:00:00Z", post.path("publishedAt").asText(), "a date alone is midnight in Stockholm");
        assertEquals(1, post.path("version").asInt());
        assertTrue(post.path("bodyHtml").asText().contains("<li>första punkten</li>"));

        var got = http.get("/api/posts/att-gastspela-som-chef");
        assertEquals(200, got.status());
        assertEquals("Att gästspela som chef", got.json().path("title").asText());
        assertEquals("Åsa Öberg", got.json().path("author").path("name").asText());
        // The byline as written, as the post's page shows it: a client showing the post shows the role and the office too.
        assertEquals("Frivårdsinspektör", got.json().path("author").path("role").asText(), got.body());
        assertEquals("Malmö", got.json().path("author").path("office").asText(), got.body());
        assertEquals(List.of("ledarskap", "frivard"), got.json().path("tags").findValuesAsText("slug"), "its categories, in order");
        assertEquals("application/json; charset=utf-8", got.header("content-type"));
    }

    /** Text pasted decomposed (as from macOS) makes no second person or office, nor a slug of dashes. */
    @Test
    void decomposedTextIsOneWithTheSameTextTypedTheUsualWay() {
        var nfd = Http.post("Kva\u0308llsfika i Sko\u0308vde", "Vi a\u030at bla\u030aba\u0308rspaj.", "2019-03-01", "A\u030ake A\u0308rlig",
                "Friva\u030arden Sko\u0308vde", "published", "Fo\u0308rening");
        JsonNode post = http.created(nfd);
        assertEquals("kvallsfika-i-skovde", post.path("slug").asText());
        assertEquals("Kvällsfika i Skövde", post.path("title").asText());
        assertEquals("Åke Ärlig", post.path("author").path("name").asText());
        http.created(Http.post("Fika igen i Skövde", "Text.", "2019-03-02", "Åke Ärlig", "Frivården Skövde", "published", "Förening"));
        String people = http.get("/people").body();
        assertEquals(1, people.split("href=\"/people/ake-arlig\"", -1).length - 1, "one person, both posts: " + people);
        assertTrue(people.contains("Åke Ärlig</a> <span class=\"count\">2 inlägg</span>"), people);
        assertTrue(http.get("/offices/frivarden-skovde").body().contains("Kvällsfika i Skövde"));
    }

    @Test
    void bodiesUpToThePromisedLimitAreStoredWhateverTheirHtmlWeighs() {
        // Not a 500 for any: the text and its HTML ("&" is "&amp;") can pass DynamoDB's 400 KB an item, and "<" a hundred
        // thousand times is many autolink attempts for commonmark, against Lambda's timeout.
        List<String> bodies = List.of("€".repeat(100_000), "&".repeat(90_000), "😀".repeat(75_000), "<".repeat(100_000));
        for (String body : bodies) {
            var created = http.write("POST", "/api/posts", "{\"title\": \"Lång text\", \"body\": \"" + body + "\", \"author\": {\"name\": \"Åsa\"}}");
            assertEquals(201, created.status(), created.body().substring(0, Math.min(300, created.body().length())));
            JsonNode got = http.get(created.header("location")).json();
            assertEquals(body, got.path("body").asText());
            String html = got.path("bodyHtml").asText();
            String start = body.substring(0, 2).replace("&", "&amp;").replace("<", "&lt;");
            assertTrue(html.startsWith("<p>" + start) && html.length() > body.length(), "rendered when read");
        }
    }

    @Test
    void aTakenSlugGetsTheNextFreeNumber() {
        assertEquals("manadsmote-samverkan-for-klientens-basta",
                http.createPost("Månadsmöte: samverkan för klientens bästa", "2019-03-01").json().path("slug").asText());
        assertEquals("manadsmote-samverkan-for-klientens-basta-2",
                http.createPost("Månadsmöte – samverkan för klientens bästa", "2019-04-01").json().path("slug").asText());
        assertEquals("manadsmote-samverkan-for-klientens-basta-3",
                http.createPost("Månadsmöte: samverkan för klientens bästa!", "2019-05-01").json().path("slug").asText());
    }

    @Test
    void aPageOfExactlyLimitItemsEndsWithoutACursor() {
        for (int i = 1; i <= 4; i++) {
            http.createPost("Kvartalsrapport " + i, "2015-0" + i + "-10", "Kvartal");
        }
        var page = http.get("/api/posts?tag=kvartal&limit=4").json();
        assertEquals(4, page.path("items").size());
        assertTrue(page.path("nextCursor").isNull());
    }

    @Test
    void monthArchivesFollowTheSitesTimeZone() {
        // 23:30 UTC on 31 January is 00:30 on 1 February in Stockholm.
        http.createPost("Nattpass vid månadsskiftet", "2014-01-31T23:30:00Z", "Nattpass");
        http.createPost("Sista dagen i januari", "2014-01-31T10:00:00+01:00", "Nattpass");
        var january = http.get("/api/posts?month=2014-01&tag=nattpass").json().path("items");
        var february = http.get("/api/posts?month=2014-02&tag=Nattpass").json().path("items");
        assertEquals(List.of("sista-dagen-i-januari"), slugs(january));
        assertEquals(List.of("nattpass-vid-manadsskiftet"), slugs(february));
        // The year 0 is told more than the form, which it has.
        var yearZero = http.get("/api/posts?month=0000-01");
        assertEquals(400, yearZero.status());
        assertEquals("must be a month like 2019-01, in the years 1–9999", yearZero.json().path("error").path("details").path(0).path("message").asText(),
                yearZero.body());
    }

    /** ?author= and ?office= narrow the list, not ignored to answer every post as if it were theirs. */
    @Test
    void aListNarrowsToOnePersonOrOneOfficeAsTheReadersPagesDo() {
        String post = "{\"title\": \"%s\", \"body\": \"Text.\", \"publishedAt\": \"2012-03-0%d\", \"author\": {\"name\": \"%s\", \"office\": \"%s\"}}";
        String a = http.write("POST", "/api/posts", String.format(post, "Från Gällivare", 1, "Örjan Ängström", "Kontoret i Gällivare")).json().path("slug").asText();
        String b = http.write("POST", "/api/posts", String.format(post, "Mer från Gällivare", 2, "Märit Ek", "Kontoret i Gällivare")).json().path("slug").asText();
        String c = http.write("POST", "/api/posts", String.format(post, "Från Kiruna", 3, "Örjan Ängström", "Kontoret i Kiruna")).json().path("slug").asText();
        assertEquals(List.of(c, a), slugs(http.get("/api/posts?author=orjan-angstrom").json().path("items")), "by the person's slug");
        assertEquals(List.of(c, a), slugs(http.get("/api/posts?author=" + URLEncoder.encode("Örjan Ängström", StandardCharsets.UTF_8))
                .json().path("items")), "or name");
        assertEquals(List.of(b, a), slugs(http.get("/api/posts?office=kontoret-i-gallivare").json().path("items")));
        var first = http.get("/api/posts?office=kontoret-i-gallivare&month=2012-03&limit=1").json();
        assertEquals(List.of(b), slugs(first.path("items")), "with a month, a page at a time");
        String next = URLEncoder.encode(first.path("nextCursor").asText(), StandardCharsets.UTF_8);
        assertEquals(List.of(a), slugs(http.get("/api/posts?office=kontoret-i-gallivare&month=2012-03&limit=1&cursor=" + next).json().path("items")));
        assertEquals(0, http.get("/api/posts?author=ingen-alls").json().path("items").size(), "nobody's: an empty list");
        ApiAsserts.assertError(http.get("/api/posts?author=orjan-angstrom&office=kontoret-i-kiruna"), 400, "validation_failed", "office");
        ApiAsserts.assertError(http.get("/api/posts?tag=x&author=" + "y".repeat(600)), 400, "validation_failed", "author");
    }

    /**
     * API Gateway joins a repeated name's values with a comma, so ?author=dagny&author=dubbelsson would list Dagny
     * Dubbelsson's posts, ?limit=1&limit=1 be "not a whole number" and search take the first of two. A name a route reads,
     * given twice, is refused alike everywhere; a blank ?month is left out, as a blank ?tag is.
     */
    @Test
    void aParameterGivenTwiceIsRefusedByEveryListAndSearch() {
        http.created(Http.post("Dubbla parametrar", "Text.", "2013-05-02", "Dagny Dubbelsson", "Kontoret i Luleå", "published", "Frivård"));
        for (String query : List.of("/api/posts?author=dagny&author=dubbelsson", "/api/posts?limit=1&limit=1", "/api/posts?tag=frivard&tag=rbm",
                "/api/posts?month=2013-05&month=2013-05", "/api/posts?cursor=&cursor=x", "/api/search?q=text&q=fika",
                "/api/search?q=text&limit=1&limit=2", "/api/search?q=text&office=x&office=y")) {
            var reply = http.get(query);
            String name = query.substring(query.lastIndexOf('&') + 1, query.lastIndexOf('='));
            assertError(reply, 400, "validation_failed", name);
            assertEquals("must be given once", reply.json().path("error").path("details").get(0).path("message").asText(), query);
        }
        assertError(http.getAs("/api/me/posts?limit=5&limit=5", ServerExtension.TOKEN), 400, "validation_failed", "limit");
        assertEquals(1, http.get("/api/posts?author=dagny-dubbelsson&month=").json().path("items").size(), "a blank month: every month");
    }

    /** A picture on a host of Swedish letters, copied from the address bar, is an http or https address. */
    @Test
    void aPictureOnAHostOfSwedishLettersIsTakenInItsAsciiForm() {
        var post = Http.post("Bild från räksmörgås.se", "Text.", "2013-06-01", "Åsa Öberg", "Frivården Malmö", "published");
        post.putObject("image").put("url", "https://räksmörgås.se/bilder/kök.jpg").put("alt", "Köket");
        JsonNode created = http.created(post);
        String ascii = "https://xn--rksmrgs-5wao1o.se/bilder/k%C3%B6k.jpg";
        assertEquals(ascii, created.path("image").path("url").asText());
        assertTrue(http.get("/posts/" + created.path("slug").asText()).body().contains("src=\"" + ascii + "\""));
        var refused = Http.post("Bild från ingenstans", "Text.", "2013-06-01", "Åsa Öberg", "Frivården Malmö", "published");
        refused.putObject("image").put("url", "https://räk smörgås.se/kök.jpg").put("alt", "Köket");
        assertError(http.write("POST", "/api/posts", refused.toString()), 400, "validation_failed", "image.url");
    }

    /**
     * A picture's user name and password are not stored and shown on the page, a port of 99999 is no port, and
     * https://ß.de/… is not stored as https://ss.de/…, another domain than the browser's xn--zca.de.
     */
    @Test
    void aPictureAddressIsRefusedWithAPasswordOrAPortNoServerHasAndItsHostIsTheBrowsers() {
        Map<String, String> refused = Map.of(
                "https://user:pw@example.se/bild.jpg", "must not contain a user name or password",
                "https://example.se:99999/bild.jpg", "port number",
                "https://example.se:0/bild.jpg", "port number");
        refused.forEach((url, message) -> {
            var post = Http.post("Bild med fel adress", "Text.", "2013-06-02", "Åsa Öberg", "Frivården Malmö", "published");
            post.putObject("image").put("url", url).put("alt", "Köket");
            var reply = http.write("POST", "/api/posts", post.toString());
            assertError(reply, 400, "validation_failed", "image.url");
            assertTrue(reply.json().path("error").path("details").get(0).path("message").asText().contains(message), reply.body());
            assertFalse(reply.body().contains("pw@"), "the password is not echoed");
        });
        assertEquals(404, http.get("/api/posts/bild-med-fel-adress").status(), "nothing saved");
        var post = Http.post("Bild från ß.de", "Text.", "2013-06-03", "Åsa Öberg", "Frivården Malmö", "published");
        post.putObject("image").put("url", "https://ß.de:/bild.jpg").put("alt", "Gatan");
        JsonNode created = http.created(post);
        assertEquals("https://xn--zca.de/bild.jpg", created.path("image").path("url").asText());
        String page = http.get("/posts/" + created.path("slug").asText()).body();
        assertTrue(page.contains("src=\"https://xn--zca.de/bild.jpg\""), page);
        assertFalse(page.contains("//ss.de"), page);
    }

    /**
     * A link or a picture in a post's body at "https://user:pw@…", stored, would have the page, the feed and bodyHtml send
     * the password to every reader, as a picture's own address cannot. The create and the edit answer 400 naming body and
     * the link's host, never the password; nothing is saved. So does an excerpt holding such an address.
     */
    @Test
    void aBodyLinkingToAnAddressWithAPasswordIsRefusedAndNothingSaved() {
        for (String body : List.of("Se [rapporten](https://anna:hemligt@intra.example/rapport).", "![Kartan](http://anna:hemligt@intra.example/k.jpg)",
                "Läs på https://anna:hemligt@intra.example/x.", "[Rapport](https:\\\\anna:hemligt@intra.example/r)")) {
            var reply = http.write("POST", "/api/posts", Http.post("Länk med lösenord", body, "2013-06-04", "Åsa Öberg", "Malmö", "published").toString());
            assertError(reply, 400, "validation_failed", "body");
            assertEquals("must not link to or show an address with a user name or password (what stands before @ in it), which every reader "
                    + "of the post would be sent: take them out of the address at intra.example",
                    reply.json().path("error").path("details").get(0).path("message").asText(), body);
            assertFalse(reply.body().contains("hemligt"), "the password is not echoed: " + reply.body());
        }
        assertEquals(404, http.get("/api/posts/lank-med-losenord").status(), "nothing saved");
        // An excerpt of the author's own is read without such a password, so it is refused too rather than changed unseen.
        var excerpt = http.write("POST", "/api/posts", Http.post("Länk med lösenord", "Text.", "2013-06-04", "Åsa Öberg", "Malmö", "published")
                .put("excerpt", "Läs på https://anna:hemligt@intra.example/x.").toString());
        assertError(excerpt, 400, "validation_failed", "excerpt");
        assertFalse(excerpt.body().contains("hemligt"), "the password is not echoed: " + excerpt.body());
        assertEquals(404, http.get("/api/posts/lank-med-losenord").status(), "nothing saved");
        String slug = http.created(Http.post("Länk utan lösenord", "Se [rapporten](https://intra.example/rapport).", "2013-06-04", "Åsa Öberg",
                "Malmö", "published")).path("slug").asText();
        var before = http.get("/api/posts/" + slug);
        var edit = http.sendWith("PATCH", "/api/posts/" + slug, "application/merge-patch+json",
                "{\"body\": \"Se [rapporten](//anna:hemligt@intra.example/rapport).\"}", Map.of("If-Match", before.header("etag")));
        assertError(edit, 400, "validation_failed", "body");
        assertEquals(before.json(), http.get("/api/posts/" + slug).json(), "the post as it was");
    }

    /**
     * A category pasted with a soft hyphen (from Word, or a hyphenated page) is the one typed plainly, not a second category
     * shown alike on /tags, and a title with a zero-width space makes no slug with a dash in the word.
     */
    @Test
    void aSoftHyphenOrAZeroWidthSpaceInANameMakesNoSecondCategory() {
        http.created(Http.post("Mjukt bindestreck", "Text.", "2013-07-01", "Åsa Öberg", "Frivården Malmö", "published", "Tvärsamverkan"));
        JsonNode pasted = http.created(Http.post("Fi\u200Bka i Malmö", "Sam\u00ADverkan i texten.", "2013-07-02", "Åsa Ö\u00ADberg",
                "Frivården Malmö", "published", "Tvär\u00ADsamverkan"));
        assertEquals("fika-i-malmo", pasted.path("slug").asText());
        assertEquals("Fika i Malmö", pasted.path("title").asText());
        assertEquals("tvarsamverkan", pasted.path("tags").get(0).path("slug").asText());
        assertEquals(2, ApiAsserts.tagCount(http, "tvarsamverkan"));
        assertEquals(0, ApiAsserts.tagCount(http, "tvar-samverkan"), "no second category");
        assertTrue(http.get("/api/posts?author=" + URLEncoder.encode("Åsa Ö\u00ADberg", StandardCharsets.UTF_8)).json()
                .path("items").toString().contains("fika-i-malmo"), "one person, looked up as typed");
    }

    /**
     * A left-to-right mark (U+200E), which shows nothing and comes along when a name is copied from a page or an address
     * book that mixes directions, is no break between letters either: "Tvär{LRM}samverkan" is the category Tvärsamverkan,
     * and "Åsa Ö{LRM}berg" the person Åsa Öberg, not a second entry on /tags and /people that reads exactly alike.
     */
    @Test
    void aDirectionMarkInANameMakesNoSecondCategoryOrPerson() {
        http.created(Http.post("Riktningsmärke", "Text.", "2013-08-01", "Åsa Öberg", "Frivården Malmö", "published", "Riktad samverkan"));
        JsonNode pasted = http.created(Http.post("Riktningsmärke igen", "Text.", "2013-08-02", "Åsa Ö\u200Eberg",
                "Frivården Malmö", "published", "Riktad sam\u200Everkan"));
        String people = http.get("/people").body();
        assertAll(
                () -> assertEquals("riktad-samverkan", pasted.path("tags").get(0).path("slug").asText(),
                        "the category typed with an invisible mark is the one typed plainly"),
                () -> assertEquals(0, ApiAsserts.tagCount(http, "riktad-sam-verkan"), "no second category \"Riktad samverkan\" on /tags"),
                () -> assertEquals(2, ApiAsserts.tagCount(http, "riktad-samverkan")),
                () -> assertFalse(people.contains("href=\"/people/asa-o-berg\""), "no second Åsa Öberg on /people"));
    }

    @Test
    void tagCountsStayExactThroughAddReplaceAndRemove() {
        String a = http.createPost("Studiebesök i Ystad", "2013-05-02", "Studiebesök", "Ystad").json().path("slug").asText();
        String b = http.createPost("Nytt studiebesök", "2013-05-03", "studiebesök").json().path("slug").asText();
        assertEquals(2, count("studiebesok"));
        assertEquals(1, count("ystad"));

        var added = http.write("POST", "/api/posts/" + b + "/tags", "{\"tags\": [\"Ystad\", \"Skåne\"]}");
        assertEquals(200, added.status(), added.body());
        assertEquals(List.of("studiebesok", "ystad", "skane"), added.json().path("tags").findValuesAsText("slug"));
        assertEquals("Studiebesök", added.json().path("tags").get(0).path("name").asText(), "the first name is kept");
        assertEquals(2, count("ystad"));

        var replaced = http.write("PUT", "/api/posts/" + a + "/tags", "{\"tags\": [\"Skåne\"]}");
        assertEquals(List.of("skane"), replaced.json().path("tags").findValuesAsText("slug"));
        assertEquals(1, count("studiebesok"));
        assertEquals(1, count("ystad"));
        assertEquals(2, count("skane"));

        var removed = http.write("DELETE", "/api/posts/" + b + "/tags/ystad", null);
        assertEquals(200, removed.status());
        assertEquals(0, count("ystad"), "a tag without visible posts is not listed");
        assertEquals(List.of(b, a), slugs(http.get("/api/posts?tag=skane&month=2013-05").json().path("items")));

        var post = http.get("/api/posts/" + b).json();
        assertEquals(3, post.path("version").asInt(), "each tag change bumps the version");
        var inTagList = http.get("/api/posts?tag=skane").json().path("items");
        inTagList.forEach(p -> assertTrue(p.path("tags").findValuesAsText("slug").contains("skane")));
    }

    @Test
    void aTagChangeWithIfMatchIsRefusedWhenThePostChangedSince() {
        String slug = http.createPost("Taggar med villkor", "2013-06-01", "Ystad").json().path("slug").asText();
        String seen = http.get("/api/posts/" + slug).header("etag");
        var replaced = http.sendWith("PUT", "/api/posts/" + slug + "/tags", "application/json", "{\"tags\": [\"Skåne\"]}", Map.of("If-Match", seen));
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals("no-store", replaced.header("cache-control"), "a change's answer is its author's own: never stored");
        // Sent again with the ETag it first named (its answer lost on the way): the post already is so, which is done.
        var resent = http.sendWith("PUT", "/api/posts/" + slug + "/tags", "application/json", "{\"tags\": [\"Skåne\"]}", Map.of("If-Match", seen));
        assertEquals(200, resent.status(), resent.body());
        assertEquals(replaced.header("etag"), resent.header("etag"), "nothing written the second time");
        // A client that read the post before that change would put back what it saw: refused, and nothing changes.
        assertError(http.sendWith("PUT", "/api/posts/" + slug + "/tags", "application/json", "{\"tags\": [\"Ystad\", \"Öland\"]}",
                Map.of("If-Match", seen)), 412, "precondition_failed", null);
        assertError(http.sendWith("POST", "/api/posts/" + slug + "/tags", "application/json", "{\"tags\": [\"Öland\"]}",
                Map.of("If-Match", seen)), 412, "precondition_failed", null);
        assertError(http.sendWith("DELETE", "/api/posts/" + slug + "/tags/skane", null, null, Map.of("If-Match", seen)),
                412, "precondition_failed", null);
        assertEquals(List.of("skane"), http.get("/api/posts/" + slug).json().path("tags").findValuesAsText("slug"));
        // The ETag a tag change answers is the post's own: the next change may name it.
        var added = http.sendWith("POST", "/api/posts/" + slug + "/tags", "application/json", "{\"tags\": [\"Öland\"]}",
                Map.of("If-Match", replaced.header("etag")));
        assertEquals(200, added.status(), added.body());
        assertEquals(added.header("etag"), http.get("/api/posts/" + slug).header("etag"));
        var removed = http.sendWith("DELETE", "/api/posts/" + slug + "/tags/skane", null, null, Map.of("If-Match", added.header("etag")));
        assertEquals("no-store", removed.header("cache-control"));
        assertEquals(List.of("oland"), removed.json().path("tags").findValuesAsText("slug"), removed.body());
    }

    /** If-Unmodified-Since is honoured: a delete does not remove a post changed after the date given. */
    @Test
    void aDeleteWithIfUnmodifiedSinceIsRefusedWhenThePostChangedAfterIt() {
        String slug = http.createPost("Raderas med datum", "2013-07-01").json().path("slug").asText();
        String modified = http.get("/api/posts/" + slug).header("last-modified");
        var refused = http.sendWith("DELETE", "/api/posts/" + slug, null, null, Map.of("If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"));
        assertError(refused, 412, "precondition_failed", null);
        // Said of the date sent, not only of a version.
        assertTrue(refused.json().path("error").path("message").asText().contains("If-Unmodified-Since"), refused.body());
        assertEquals(200, http.get("/api/posts/" + slug).status(), "still there");
        var deleted = http.sendWith("DELETE", "/api/posts/" + slug, null, null, Map.of("If-Unmodified-Since", modified));
        assertEquals(204, deleted.status(), deleted.body());
    }

    @Test
    void theTwentyFirstTagIsRefused() {
        String slug = http.createPost("Många etiketter", "2012-01-01").json().path("slug").asText();
        StringBuilder twenty = new StringBuilder("[");
        for (int i = 1; i <= 20; i++) {
            twenty.append(i > 1 ? "," : "").append("\"Etikett ").append(i).append('"');
        }
        assertEquals(200, http.write("PUT", "/api/posts/" + slug + "/tags", "{\"tags\": " + twenty + "]}").status());
        var refused = http.write("POST", "/api/posts/" + slug + "/tags", "{\"tags\": [\"En till\"]}");
        assertEquals(422, refused.status());
        assertEquals("too_many_tags", refused.json().path("error").path("code").asText());
        assertEquals("A post has at most 20 tags; this one has 20 and would have 21.", refused.json().path("error").path("message").asText(),
                "what it would come to, not only what it has (found by a probe)");
        assertEquals(20, http.get("/api/posts/" + slug).json().path("tags").size());
        assertEquals(400, http.write("PUT", "/api/posts/" + slug + "/tags", "{\"tags\": " + twenty + ",\"x\"]}").status());
    }

    @Test
    void aScheduledPostAndADraftAreHiddenFromReadersButNotFromTheirAuthor() {
        var scheduled = http.createPost("Framtidens frivård", "2999-01-01", "Framtid");
        assertEquals(201, scheduled.status());
        var draftBody = "{\"title\":\"Utkast om frivård\",\"body\":\"Ej klart.\",\"author\":{\"name\":\"Åsa\"},\"status\":\"draft\",\"tags\":[\"Framtid\"]}";
        var draft = http.write("POST", "/api/posts", draftBody);
        assertEquals("draft", draft.json().path("status").asText());
        for (String slug : List.of("framtidens-frivard", "utkast-om-frivard")) {
            assertEquals(404, http.get("/api/posts/" + slug).status());
            assertEquals(200, http.getAs("/api/posts/" + slug, ServerExtension.TOKEN).status());
        }
        assertEquals(0, http.get("/api/posts?tag=framtid").json().path("items").size());
        assertEquals(0, http.get("/api/posts?tag=Framtid").json().path("items").size());
        assertEquals(0, count("framtid"));
        Set<String> all = new HashSet<>(slugs(http.get("/api/posts?limit=100").json().path("items")));
        assertFalse(all.contains("framtidens-frivard") || all.contains("utkast-om-frivard"));
    }

    @Test
    void writesWithoutValidCredentialsAreAnsweredAsApiGatewayDoes() {
        var missing = http.send("POST", "/api/posts", "application/json", "{}".getBytes(), null);
        assertEquals(401, missing.status());
        assertEquals("Unauthorized", missing.json().path("message").asText());
        var wrong = http.send("POST", "/api/posts", "application/json", "{}".getBytes(), "inte-en-token");
        assertEquals(403, wrong.status());
        assertEquals("Forbidden", wrong.json().path("message").asText());
        var truncated = http.send("DELETE", "/api/posts/x/tags/y", null, null, ServerExtension.TOKEN.substring(0, 12));
        assertEquals(403, truncated.status());
    }

    @Test
    void badInputGetsAClearErrorAndWritesNothing() {
        String before = http.get("/api/posts?limit=100").body() + http.get("/api/tags").body();
        assertError(http.write("POST", "/api/posts", "{\"title\": \"\", \"body\": \"x\"}"), 400, "validation_failed", "title");
        assertError(http.write("POST", "/api/posts", "{\"title\": \"Hej\", \"body\": \"x\", \"author\": {}}"), 400, "validation_failed", "author.name");
        assertError(http.write("POST", "/api/posts", "[1, 2]"), 400, "malformed_request", null);
        assertError(http.write("POST", "/api/posts", "{\"title\": "), 400, "malformed_request", null);
        assertError(http.write("POST", "/api/posts", "{\"title\": \"a\", \"body\": \"b\", \"author\": {\"name\": \"c\"}, \"publishedAt\": \"2019-02-30\"}"),
                400, "validation_failed", "publishedAt");
        assertError(http.write("POST", "/api/posts", "{\"title\": \"a\", \"body\": \"b\", \"author\": {\"name\": \"c\"}, \"image\": {\"url\": \"javascript:alert(1)\"}}"),
                400, "validation_failed", "image.url");
        assertError(http.write("POST", "/api/posts", "{\"title\": \"a\\u0007b\", \"body\": \"b\", \"author\": {\"name\": \"c\"}}"),
                400, "validation_failed", "title");
        assertError(http.write("POST", "/api/posts", "{\"title\": \"a\\u2029b\", \"body\": \"b\", \"author\": {\"name\": \"c\"}}"),
                400, "validation_failed", "title");
        assertError(http.write("POST", "/api/posts", "{\"title\": \"" + "å".repeat(201) + "\", \"body\": \"b\", \"author\": {\"name\": \"c\"}}"),
                400, "validation_failed", "title");
        assertError(http.write("POST", "/api/posts", "[".repeat(5000) + "]".repeat(5000)), 400, "malformed_request", null);
        assertError(http.send("POST", "/api/posts", "text/plain", "hej".getBytes(), ServerExtension.TOKEN), 415, "unsupported_media_type", null);
        assertError(http.send("POST", "/api/posts", "application/json",
                new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, ServerExtension.TOKEN), 400, "malformed_request", null);
        byte[] big = ("{\"title\": \"a\", \"body\": \"" + "x".repeat(1024 * 1024) + "\"}").getBytes();
        assertError(http.send("POST", "/api/posts", "application/json", big, ServerExtension.TOKEN), 413, "payload_too_large", null);
        assertError(http.get("/api/posts?limit=101"), 400, "validation_failed", "limit");
        assertError(http.get("/api/posts?month=2019-13"), 400, "validation_failed", "month");
        // A year past 9999 is refused: its month ("+10000-01") would break the archive and sitemap for good.
        assertError(http.write("POST", "/api/posts", "{\"title\": \"a\", \"body\": \"b\", \"author\": {\"name\": \"c\"}, \"publishedAt\": \"+10000-01-01T00:00\"}"),
                400, "validation_failed", "publishedAt");
        assertError(http.get("/api/posts?month=-0001-01"), 400, "validation_failed", "month");
        assertError(http.get("/api/posts?cursor=bm90LWEtY3Vyc29y"), 400, "validation_failed", "cursor");
        assertError(http.get("/api/posts/finns-inte"), 404, "not_found", null);
        assertError(http.get("/api/inlagg"), 404, "not_found", null);
        assertError(http.write("PATCH", "/api/tags", "{}"), 405, "method_not_allowed", null);
        assertEquals("GET", http.write("PATCH", "/api/tags", "{}").header("allow"), "a 405 says what the path answers");
        assertError(http.write("POST", "/api/posts/finns-inte/tags", "{\"tags\": [\"A\"]}"), 404, "not_found", null);
        assertError(http.write("POST", "/api/posts/finns-inte/tags", "{\"tags\": \"A\"}"), 400, "validation_failed", "tags");
        assertEquals(before, http.get("/api/posts?limit=100").body() + http.get("/api/tags").body(), "nothing was written");
    }

    /**
     * A create with a field of the wrong type is told, in the same answer, what the rules say of the rest: a client that
     * sends "body": 5 and no byline learns of both at once, not of the byline only once the body is mended. (A probe of the
     * tests: the create handed DraftReader no rules, so such an answer named the wrong type alone, and every test stayed
     * green.)
     */
    @Test
    void aCreateWithAWrongTypeNamesEveryOtherFieldToMendInTheSameAnswer() {
        assertEquals(List.of("body", "author.name"), ApiAsserts.fields(http.write("POST", "/api/posts", "{\"title\": \"Typfel\", \"body\": 5}")));
        assertEquals(List.of("tags[0]", "title", "body", "author.name"),
                ApiAsserts.fields(http.write("POST", "/api/posts", "{\"title\": null, \"body\": null, \"author\": null, \"tags\": [null]}")));
        assertEquals(404, http.getAs("/api/posts/typfel", ServerExtension.TOKEN).status(), "nothing created");
    }

    @Test
    void aMonthThatHasNotBegunIsAnEmptyPageNotAnError() {
        // ?month=5632-11 is no 500 (the query's bounds would cross).
        for (String month : new String[] {"5632-11", "9999-12", "2999-01"}) {
            var page = http.get("/api/posts?month=" + month + "&limit=35");
            assertEquals(200, page.status(), page.body());
            assertEquals(0, page.json().path("items").size());
            assertTrue(page.json().path("nextCursor").isNull());
        }
        assertEquals(200, http.get("/api/posts?month=0001-01").status(), "and one long before any post");
        assertEquals(404, http.get("/archive/5632-11").status(), "the month page: not found (no post readers see), never a 500");
    }

    @Test
    void aCursorFromAnotherListIsRefused() {
        for (int i = 1; i <= 3; i++) {
            http.createPost("Personalnytt " + i, "2011-06-0" + i, "Personal");
        }
        String cursor = http.get("/api/posts?tag=personal&limit=1").json().path("nextCursor").asText();
        assertNotNull(cursor);
        assertEquals(200, http.get("/api/posts?tag=personal&limit=1&cursor=" + cursor).status());
        assertError(http.get("/api/posts?limit=1&cursor=" + cursor), 400, "validation_failed", "cursor");
        assertError(http.get("/api/posts?tag=personal&month=2011-06&limit=1&cursor=" + cursor), 400, "validation_failed", "cursor");
        // Of a category nobody has written in too: the cursor is checked against the list asked for, whatever it holds.
        assertError(http.get("/api/posts?tag=aldrig-anvand&limit=1&cursor=" + cursor), 400, "validation_failed", "cursor");
    }

    /** A cursor edited by hand to an impossible date is refused, not queried with to answer a page. */
    @Test
    void aCursorEditedToAnImpossibleDateIsRefused() {
        for (int i = 1; i <= 3; i++) {
            http.createPost("Datumnytt " + i, "2012-07-0" + i, "Datumnytt");
        }
        String cursor = http.get("/api/posts?tag=datumnytt&limit=1").json().path("nextCursor").asText();
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        assertTrue(CURSOR_DATE.matcher(text).find(), "the date the test edits is in it: " + text);
        for (String impossible : List.of("|2012-13-02T", "|2012-02-30T")) {
            assertError(http.get("/api/posts?tag=datumnytt&limit=1&cursor=" + withDate(cursor, impossible)), 400, "validation_failed", "cursor");
        }
        assertEquals(200, http.get("/api/posts?tag=datumnytt&limit=1&cursor=" + cursor).status(), "the cursor as it was made still pages");
    }

    /**
     * A cursor edited to a real date outside its list (another month than the month's list, a time not yet come) is
     * refused. DynamoDB answers a start key outside the Query's bounds with an error of its own, a 500 to the reader,
     * where the emulator, which does not check it, would answer a page.
     */
    @Test
    void aCursorEditedToADateOutsideItsListIsRefused() {
        for (int i = 1; i <= 3; i++) {
            http.createPost("Gränsnytt " + i, "2012-08-0" + i, "Gränsnytt");
        }
        String month = "/api/posts?tag=gransnytt&month=2012-08&limit=1";
        String ofMonth = http.get(month).json().path("nextCursor").asText();
        assertEquals(200, http.get(month + "&cursor=" + ofMonth).status(), "the cursor as it was made pages");
        for (String outside : List.of("|2012-09-01T", "|2012-07-01T")) {
            assertError(http.get(month + "&cursor=" + withDate(ofMonth, outside)), 400, "validation_failed", "cursor");
        }
        String ofTag = http.get("/api/posts?tag=gransnytt&limit=1").json().path("nextCursor").asText();
        assertError(http.get("/api/posts?tag=gransnytt&limit=1&cursor=" + withDate(ofTag, "|2099-01-01T")), 400, "validation_failed", "cursor");
    }

    /** The date in a cursor of these tests' posts, all of 2012, as a client editing it by hand finds it. */
    static final Pattern CURSOR_DATE = Pattern.compile("\\|2012-\\d{2}-\\d{2}T");

    /** The cursor as a client makes it who edits it by hand: its date changed to {@code to}, everything else as it was. */
    static String withDate(String cursor, String to) {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                CURSOR_DATE.matcher(text).replaceFirst(Matcher.quoteReplacement(to)).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCategoryIsListedByItsSwedishNameAsByItsSlug() {
        http.createPost("Rapport om klientarbetet", "2012-03-04", "Klientens bästa");
        http.createPost("Annat inlägg", "2012-03-05", "Övrigt");
        for (String tag : List.of("klientens-basta", "Klientens%20b%C3%A4sta", "KLIENTENS%20B%C3%84STA")) {
            assertEquals(List.of("rapport-om-klientarbetet"), slugs(http.get("/api/posts?tag=" + tag).json().path("items")), tag);
        }
    }

    @Test
    void theTagIndexListsNamesAndCountsOfVisiblePosts() {
        http.createPost("Samverkan i praktiken", "2010-02-02", "Samverkan i praktiken");
        JsonNode tags = http.get("/api/tags").json().path("items");
        JsonNode tag = null;
        for (JsonNode t : tags) {
            if (t.path("slug").asText().equals("samverkan-i-praktiken")) {
                tag = t;
            }
        }
        assertNotNull(tag);
        assertEquals("Samverkan i praktiken", tag.path("name").asText());
        assertEquals(1, tag.path("count").asInt());
    }

    static long count(String slug) {
        return ApiAsserts.tagCount(http, slug);
    }
}
