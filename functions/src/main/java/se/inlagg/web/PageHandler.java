package se.inlagg.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.api.ApiHandler;
import se.inlagg.api.ApiRequest;
import se.inlagg.api.ApiResponse;
import se.inlagg.api.ETags;
import se.inlagg.api.Json;
import se.inlagg.api.Wiring;

/**
 * The shape every page shares with the API handlers, answering in HTML: the viewer comes from the
 * session cookie, every page carries the security headers, public pages an ETag for a CDN, and
 * every error (whatever its cause) becomes an HTML page with the same status.
 */
public abstract class PageHandler extends ApiHandler {

    /** No script at all, styles only from our own stylesheet, images from the web, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src https: http:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final String PUBLIC_CACHE = "public, max-age=60";

    protected PageHandler(Wiring wiring) {
        super(wiring);
    }

    /** The signed-in author looking at this page, from the session cookie. */
    protected Optional<Viewer> viewer(ApiRequest request) {
        return Cookies.session(request)
                .flatMap(id -> wiring.sessions().find(id, wiring.posts().time().now()))
                .map(s -> new Viewer(s.authorId(), s.csrf()));
    }

    /** A page; public ones are cacheable and revalidate with If-None-Match. */
    protected ApiResponse page(ApiRequest request, int status, String title, String main, Optional<Viewer> viewer,
                               List<Layout.Feed> feeds) {
        String html = Layout.page(title, main, viewer, feeds);
        ApiResponse response = secured(new ApiResponse(status, Map.of("content-type", "text/html; charset=utf-8"), List.of(), html));
        // A page that shows who is signed in depends on who asks: never cached for others.
        if (viewer.isPresent() || status != 200) {
            return response.withHeader("cache-control", viewer.isPresent() ? "private, no-cache" : "no-store");
        }
        return cached(request, response);
    }

    /** A public answer with an ETag of its content; If-None-Match with that tag answers 304. */
    static ApiResponse cached(ApiRequest request, ApiResponse response) {
        String etag = ETags.ofContent(response.body());
        if (request.header("if-none-match").filter(h -> ETags.matchesWeakly(h, etag)).isPresent()) {
            return secured(ApiResponse.empty(304)).withHeader("etag", etag).withHeader("cache-control", PUBLIC_CACHE);
        }
        return response.withHeader("etag", etag).withHeader("cache-control", PUBLIC_CACHE);
    }

    protected static ApiResponse redirect(String location) {
        return secured(ApiResponse.empty(303)).withHeader("location", location).withHeader("cache-control", "no-store");
    }

    static ApiResponse secured(ApiResponse response) {
        return response
                .withHeader("content-security-policy", CONTENT_SECURITY_POLICY)
                .withHeader("x-content-type-options", "nosniff")
                .withHeader("referrer-policy", "strict-origin-when-cross-origin")
                .withHeader("x-frame-options", "DENY");
    }

    /** Errors from anywhere below (bad form encoding, busy store, a bug) reach readers as a page. */
    @Override
    protected ApiResponse finish(ApiRequest request, ApiResponse response) {
        boolean jsonError = response.status() >= 400
                && response.headers().getOrDefault("content-type", "").startsWith("application/json");
        if (!jsonError) {
            return response;
        }
        String message;
        try {
            JsonNode error = Json.MAPPER.readTree(response.body()).path("error");
            message = error.path("message").asText("");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            message = "";
        }
        ApiResponse page = errorPage(request, response.status(), message);
        String retryAfter = response.headers().get("retry-after");
        return retryAfter == null ? page : page.withHeader("retry-after", retryAfter);
    }

    protected ApiResponse errorPage(ApiRequest request, int status, String detail) {
        String heading = switch (status) {
            case 404 -> "Sidan finns inte";
            case 403 -> "Det går inte";
            case 429 -> "För många försök";
            case 503 -> "Prova igen om en stund";
            default -> status >= 500 ? "Något gick fel hos oss" : "Det gick inte att läsa förfrågan";
        };
        String main = "<h1>" + Html.text(heading) + "</h1>\n"
                + (detail.isBlank() ? "" : "<p>" + Html.text(detail) + "</p>\n")
                + "<p><a href=\"/\">Till alla inlägg</a></p>\n";
        Optional<Viewer> viewer = status >= 500 ? Optional.empty() : safeViewer(request);
        return page(request, status, heading, main, viewer, List.of());
    }

    private Optional<Viewer> safeViewer(ApiRequest request) {
        try {
            return viewer(request);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

}
