package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.inlagg.posts.Byline;

/**
 * An author at the pages, as a browser without JavaScript is: signed in through the form, sending
 * forms with the hidden fields the page gave (CSRF token, version, form id) and following nothing
 * by itself, so a test sees each redirect.
 */
final class AuthorBrowser {

    private final Http http;
    final String cookie;
    final String csrf;

    private AuthorBrowser(Http http, String cookie, String csrf) {
        this.http = http;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    /** Signs in with a token at the form; the CSRF token comes from the first form page it sees. */
    static AuthorBrowser signIn(Http http, String token) {
        var signedIn = http.signIn(token);
        assertEquals(303, signedIn.status(), signedIn.body());
        String cookie = Http.sessionCookie(signedIn);
        String write = http.raw("GET", "/write", Map.of("Cookie", cookie), null).body();
        return new AuthorBrowser(http, cookie, hidden(write, "csrf"));
    }

    /** A second author in the server's table, with a token of their own. */
    static String newAuthor(LocalServer server, String name, String token) {
        try (var client = server.dynamoClient()) {
            Wirings.on(client, server.tableName()).authors()
                    .create(new Byline(name, Optional.of("Kriminalvårdare"), Optional.of("Anstalten Ystad")), token, Clock.systemUTC().instant());
        }
        return token;
    }

    Http.Reply get(String path) {
        return http.raw("GET", path, Map.of("Cookie", cookie), null);
    }

    /** Link to a list's next page, as the pages write it. */
    private static final Pattern OLDER = Pattern.compile("<a rel=\"next\" href=\"([^\"]+)\">Äldre inlägg</a>");

    /**
     * Every page of a paged list, the first and each "Äldre inlägg" after it, one after another: other tests of the
     * same server write as this author too, so a post of this test's need not be on the first page.
     */
    String allPages(String path) {
        StringBuilder pages = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (String next = path; next != null; ) {
            // A paging bug fails here, never loops.
            assertTrue(seen.add(next) && seen.size() <= 50, "a page met again, or more than 50: " + next);
            var page = get(next);
            assertEquals(200, page.status(), next + ": " + page.body());
            pages.append(page.body());
            Matcher older = OLDER.matcher(page.body());
            next = older.find() ? unescape(older.group(1)) : null;
        }
        return pages.toString();
    }

    /** A form as the browser sends it from a page of the site (its Origin is the site's). */
    Http.Reply post(String path, Map<String, String> fields) {
        return post(path, fields, Map.of("Origin", "http://" + http.base().getAuthority()));
    }

    /** A form as a browser sends it with these headers of its own (Origin, Sec-Fetch-Site, what CloudFront adds). */
    Http.Reply post(String path, Map<String, String> fields, Map<String, String> browser) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", cookie);
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.putAll(browser);
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send("POST", path, null, body.toString().getBytes(StandardCharsets.UTF_8), null, headers);
    }

    /** The edit form of a post, as its fields are filled in on the page. */
    Map<String, String> editForm(String slug) {
        var page = get("/posts/" + slug + "/edit");
        assertEquals(200, page.status(), page.body());
        return fields(page.body());
    }

    /** Every input and text area of the page's form, by name, as the browser would send it. */
    static Map<String, String> fields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(html);
        while (input.find()) {
            fields.putIfAbsent(input.group(1), unescape(input.group(2)));
        }
        Matcher area = Pattern.compile("<textarea[^>]*name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>").matcher(html);
        while (area.find()) {
            // As a browser reads it: one line break right after the start tag is no part of the text.
            String text = area.group(2).startsWith("\n") ? area.group(2).substring(1) : area.group(2);
            fields.putIfAbsent(area.group(1), unescape(text));
        }
        return fields;
    }

    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "no " + name + " in the page");
        return unescape(m.group(1));
    }

    static String unescape(String html) {
        Matcher entity = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(html);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            int code = Integer.parseInt(entity.group(2), entity.group(1).isEmpty() ? 10 : 16);
            entity.appendReplacement(out, Matcher.quoteReplacement(Character.toString(code)));
        }
        entity.appendTail(out);
        return out.toString().replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** A post written at the form, sent with this button; answers its slug. */
    String write(String title, String action) {
        Map<String, String> form = new LinkedHashMap<>(fields(get("/write").body()));
        form.put("title", title);
        form.put("body", "Första stycket om " + title + ".\n\n- en punkt\n- en till");
        form.put("tags", "Frivård, Samverkan");
        form.put("action", action);
        var written = post("/write", form);
        assertEquals(303, written.status(), written.body());
        return written.header("location").replaceFirst("\\?.*", "").replace("/posts/", "").replace("/image", "");
    }
}
