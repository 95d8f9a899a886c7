package se.inlagg.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import se.inlagg.local.OpenApiDocument;
import se.inlagg.local.Repo;
import se.inlagg.local.Router;
import se.inlagg.local.Template;
import se.inlagg.posts.Slugs;

/**
 * What a user would check in the answer to each event: the status the event should get, the shape of
 * the body (the documented JSON under /api, errors in the error shape, Swedish HTML pages, Atom feeds)
 * and that the post it names, or the posts a list should show, are there. Each check yields a readable
 * problem instead of stopping at the first, so one run reports everything that is wrong.
 */
final class UserChecks {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** Routes that list posts: every seeded post is published, in January 2019, tagged as the events filter and by the person and office they name. */
    private static final Set<String> LISTS = Set.of(
            "GET /api/posts", "GET /", "GET /archive/{month}", "GET /tags/{tag}", "GET /people/{person}", "GET /offices/{office}",
            "GET /feed.xml", "GET /tags/{tag}/feed.xml", "GET /people/{person}/feed.xml", "GET /offices/{office}/feed.xml",
            "GET /api/search", "GET /sok");
    /** The template's routes, by which a $default event's path is one the site has (405) or not (404). */
    private static final List<Template.Route> ROUTES = readRoutes();
    private static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final OpenApiDocument api;
    private final Seeder.Seeded seeded;

    UserChecks(OpenApiDocument api, Seeder.Seeded seeded) {
        this.api = api;
        this.seeded = seeded;
    }

    private static List<Template.Route> readRoutes() {
        try {
            return Template.read(Repo.template()).routes().stream().filter(r -> !r.key().equals("$default")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether some route of the template has this path, whatever its method, as API Gateway matches paths. */
    private static boolean routed(String rawPath) {
        return ROUTES.stream().anyMatch(r -> new Router(List.of(r)).match(r.method(), rawPath).isPresent());
    }

    /** The authorizer's simple response: allowed, with the id of the token's author as context. */
    List<String> authorizerAllows(String payload, String token) {
        JsonNode answer = Json.read(payload);
        List<String> problems = new ArrayList<>();
        expect(problems, answer.path("isAuthorized").asBoolean(false), "isAuthorized is not true: " + payload);
        String authorId = seeded.authorIdOf(token);
        expect(problems, authorId.equals(answer.path("context").path("authorId").asText()),
                "context.authorId is not the seeded author's id " + authorId + ": " + payload);
        return problems;
    }

    /** The authorizer's answer to a token nobody has: refused, and no context to leak. */
    List<String> authorizerRefuses(String payload) {
        JsonNode answer = Json.read(payload);
        List<String> problems = new ArrayList<>();
        expect(problems, answer.path("isAuthorized").isBoolean() && !answer.path("isAuthorized").asBoolean(),
                "a wrong token is not refused with isAuthorized false: " + payload);
        expect(problems, answer.path("context").isMissingNode() || answer.path("context").isNull(),
                "a refusal carries a context: " + payload);
        return problems;
    }

    /** What an indexer answers Lambda for a batch of stream records: none of them failed. */
    List<String> streamAnswer(String payload) {
        JsonNode answer = Json.read(payload);
        List<String> problems = new ArrayList<>();
        expect(problems, answer.path("batchItemFailures").isArray() && answer.path("batchItemFailures").isEmpty(),
                "the batch is not answered as done (no batchItemFailures): " + abbreviated(payload));
        return problems;
    }

    /**
     * The answer to the weekly schedule's keep-active event: kept, and nothing else (it must not be taken for a request,
     * which would answer a 4xx page or touch the table, nor for a batch).
     */
    List<String> keptActive(String payload) {
        List<String> problems = new ArrayList<>();
        expect(problems, Json.read(payload).equals(Json.read("{\"keptActive\": true}")),
                "the schedule's keep-active event is not answered as kept: " + abbreviated(payload));
        return problems;
    }

    /** The HTTP answer (payload 2.0 response) to an event on a route. */
    List<String> httpAnswer(ReplayEvent event, String payload) {
        Template.Route route = event.route().orElseThrow();
        JsonNode answer = Json.read(payload);
        int status = answer.path("statusCode").asInt();
        String body = answer.path("body").asText("");
        String type = answer.path("headers").path("content-type").asText("");
        List<String> problems = new ArrayList<>();
        int expected = expectedStatus(route, event);
        if (status != expected) {
            problems.add("answered " + status + ", expected " + expected + ": " + abbreviated(body));
            return problems;
        }
        if (route.method().equals("HEAD")) {
            // What a monitor or link checker reads of a HEAD: the GET's status and type, and no body.
            expect(problems, body.isEmpty(), "a HEAD answered with a body: " + abbreviated(body));
            expect(problems, status == 302 ? answer.path("headers").has("location") : !type.isEmpty(),
                    "a HEAD answered without what its GET would say (content-type, or where a redirect goes)");
            return problems;
        }
        if (event.rawPath().startsWith("/api/")) {
            apiBody(problems, route, event, status, type, body, answer);
        } else if (status == 303) {
            redirect(problems, route, event, answer);
        } else if (status == 302) {
            String location = answer.path("headers").path("location").asText("");
            expect(problems, location.startsWith("https://") && location.contains("/images/" + event.json().path("pathParameters").path("name").asText())
                    && location.contains("X-Amz-Signature="), "not a presigned address of the picture: " + location);
        } else if (route.path().startsWith("/sitemap") && status == 200) {
            sitemap(problems, type, body);
        } else if (route.path().equals("/robots.txt") && status == 200) {
            expect(problems, type.startsWith("text/plain") && body.contains("Sitemap: ") && body.contains("/sitemap.xml"),
                    "robots.txt names no sitemap: " + type + " " + abbreviated(body));
        } else if (route.path().equals("/favicon.ico") && status == 200) {
            expect(problems, type.equals("image/x-icon") && answer.path("isBase64Encoded").asBoolean() && !body.isEmpty(),
                    "not an icon: " + type);
        } else if (route.path().endsWith(".xml") && status == 200) {
            feed(problems, route, type, body);
        } else if ((route.path().endsWith(".css") || route.path().startsWith("/assets/")) && status == 200) {
            expect(problems, type.startsWith("text/css") && !body.isBlank(), "not a stylesheet: " + type);
        } else {
            expect(problems, type.startsWith("text/html"), "not HTML: content-type " + type);
            expect(problems, body.contains("<html lang=\"sv\">"), "not a Swedish page (no <html lang=\"sv\">): " + abbreviated(body));
            if (status == 200) {
                showsPosts(problems, route, event, body);
            }
        }
        return problems;
    }

    /**
     * $default answers 405 for a path the template routes (with a method it lacks) and 404 for any other, a HEAD as its
     * GET, creating answers 201 and deleting 204; forms that work redirect (sign-in to the form, sign-out home, a post
     * written to its page).
     */
    static int expectedStatus(Template.Route route, ReplayEvent event) {
        if (route.method().equals("HEAD")) {
            return expectedStatus(new Template.Route("GET", route.path(), route.functionId(), route.authorized()), event);
        }
        if (route.key().equals("$default")) {
            return routed(event.rawPath()) ? 405 : 404;
        }
        if (route.key().equals(EventFixtures.CREATE_ROUTE)) {
            return 201;
        }
        if (route.method().equals("DELETE") && route.path().equals("/api/posts/{slug}")) {
            return 204;
        }
        if (route.key().equals("GET /images/{name}")) {
            return 302;
        }
        // The upload these name is no upload of the seeded author's (its id is new with each table):
        // the author is told it is gone, and nothing is read from the bucket.
        if (Set.of("GET /posts/{slug}/image/uploaded", "POST /posts/{slug}/image", "POST /api/posts/{slug}/image").contains(route.key())) {
            return 404;
        }
        // The seeded post was never edited, so it has no earlier version by any number: the author is told so.
        if (Set.of("GET /posts/{slug}/versions/{version}", "GET /api/posts/{slug}/versions/{version}").contains(route.key())) {
            return 404;
        }
        return route.method().equals("POST") && !event.rawPath().startsWith("/api/") ? 303 : 200;
    }

    private void apiBody(List<String> problems, Template.Route route, ReplayEvent event, int status, String type, String body,
                         JsonNode answer) {
        if (status == 204) {
            expect(problems, body.isEmpty(), "a 204 with a body: " + abbreviated(body));
            return;
        }
        expect(problems, type.startsWith("application/json"), "not JSON: content-type " + type);
        JsonNode json = Json.read(body);
        var schema = status >= 400 ? Optional.of(api.schema("Error")) : api.answerSchema(route.method(), route.path(), status);
        if (schema.isEmpty()) {
            problems.add("the OpenAPI document describes no " + status + " answer of " + route.key());
        } else {
            var errors = schema.get().validate(json);
            expect(problems, errors.isEmpty(), "not the documented JSON " + errors + ": " + abbreviated(body));
        }
        String slug = event.json().path("pathParameters").path("slug").asText("");
        if (!slug.isEmpty() && json.has("slug")) {
            expect(problems, json.path("slug").asText().equals(slug), "the answer is about " + json.path("slug") + ", not " + slug);
        }
        if (route.key().equals(EventFixtures.CREATE_ROUTE)) {
            String title = Json.read(event.body()).path("title").asText();
            expect(problems, json.path("title").asText().equals(title), "the new post's title is " + json.path("title"));
            expect(problems, answer.path("headers").path("location").asText().equals("/api/posts/" + json.path("slug").asText()),
                    "Location is not the new post's address: " + answer.path("headers").path("location"));
        }
        if (LISTS.contains(route.key())) {
            Set<String> slugs = new HashSet<>(json.path("items").findValuesAsText("slug"));
            expect(problems, slugs.containsAll(seeded.titleOfSlug().keySet()),
                    "the list lacks the seeded posts " + seeded.titleOfSlug().keySet() + ": " + abbreviated(body));
        }
    }

    private static void redirect(List<String> problems, Template.Route route, ReplayEvent event, JsonNode answer) {
        String location = answer.path("headers").path("location").asText("");
        List<String> cookies = new ArrayList<>();
        answer.path("cookies").forEach(c -> cookies.add(c.asText()));
        String slug = event.json().path("pathParameters").path("slug").asText("");
        String expected = switch (route.path()) {
            case "/signin" -> "/write";
            case "/signout" -> "/signin?done=signedout";
            case "/profile" -> "/profile?done=profile";
            case "/posts/{slug}/edit" -> "/posts/" + slug + "/edit?done=saved&post=" + slug;
            case "/posts/{slug}/publish" -> "/drafts?done=published&post=" + slug;
            case "/posts/{slug}/unpublish" -> "/drafts?done=unpublished&post=" + slug;
            case "/posts/{slug}/delete" -> "/drafts?done=deleted&post=" + slug;
            // The writing form: the post, saying what was done (a date to come would say scheduled), or its next step.
            default -> "/posts/" + Slugs.forTitle(event.formFields().getOrDefault("title", "")) + switch (event.formFields().getOrDefault("action", "")) {
                case "image" -> "/image";
                case "preview" -> "/preview?done=drafted";
                case "draft" -> "?done=drafted";
                default -> "?done=published";
            };
        };
        // A draft with a past date of its own, published now, keeps it and says so ("dated"), as one taken back and
        // published again does where the event's post was.
        boolean keptItsDate = route.path().equals("/posts/{slug}/publish") && location.equals(expected.replace("done=published", "done=dated"));
        expect(problems, location.equals(expected) || keptItsDate, "redirects to \"" + location + "\", expected " + expected);
        if (route.path().equals("/signin")) {
            expect(problems, cookies.stream().anyMatch(c -> c.contains("HttpOnly") && c.contains("Secure") && !c.contains("Max-Age=0")),
                    "signing in sets no secure session cookie: " + cookies);
        }
        if (route.path().equals("/signout")) {
            expect(problems, cookies.stream().anyMatch(c -> c.contains("Max-Age=0")), "signing out does not end the cookie: " + cookies);
        }
    }

    private void feed(List<String> problems, Template.Route route, String type, String body) {
        expect(problems, type.startsWith("application/atom+xml"), "not an Atom feed: content-type " + type);
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
            expect(problems, ATOM.equals(feed.getNamespaceURI()) && feed.getLocalName().equals("feed"),
                    "the document is not an Atom <feed>: <" + feed.getTagName() + ">");
            var titles = feed.getElementsByTagNameNS(ATOM, "entry");
            List<String> entries = new ArrayList<>();
            for (int i = 0; i < titles.getLength(); i++) {
                entries.add(((Element) titles.item(i)).getElementsByTagNameNS(ATOM, "title").item(0).getTextContent());
            }
            if (LISTS.contains(route.key())) {
                expect(problems, entries.containsAll(seeded.titleOfSlug().values()),
                        "the feed's entries " + entries + " lack the seeded posts " + seeded.titleOfSlug().values());
            }
        } catch (Exception e) {
            problems.add("the feed is not well-formed XML (" + e.getMessage() + "): " + abbreviated(body));
        }
    }

    /** A sitemap index or a sitemap, well-formed in the sitemap namespace; a month's names the seeded posts. */
    private void sitemap(List<String> problems, String type, String body) {
        expect(problems, type.startsWith("application/xml"), "not XML: content-type " + type);
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
            expect(problems, SITEMAPS.equals(root.getNamespaceURI()) && Set.of("sitemapindex", "urlset").contains(root.getLocalName()),
                    "not a sitemap: <" + root.getTagName() + ">");
            if (root.getLocalName().equals("urlset")) {
                seeded.titleOfSlug().keySet().forEach(slug -> expect(problems, body.contains("/posts/" + slug + "</loc>"),
                        "the month's sitemap lacks the seeded post " + slug));
            }
        } catch (Exception e) {
            problems.add("the sitemap is not well-formed XML (" + e.getMessage() + "): " + abbreviated(body));
        }
    }

    private void showsPosts(List<String> problems, Template.Route route, ReplayEvent event, String body) {
        String slug = event.json().path("pathParameters").path("slug").asText("");
        List<String> titles = LISTS.contains(route.key()) ? List.copyOf(seeded.titleOfSlug().values())
                : slug.isEmpty() ? List.of() : List.of(seeded.titleOfSlug().get(slug));
        for (String title : titles) {
            expect(problems, body.contains(title), "the page does not show the post \"" + title + "\"");
        }
    }

    private static void expect(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
