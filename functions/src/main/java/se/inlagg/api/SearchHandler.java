package se.inlagg.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.SiteTime;
import se.inlagg.search.SearchHit;
import se.inlagg.search.SearchPage;
import se.inlagg.search.SearchScope;
import se.inlagg.search.SearchService;

/**
 * GET /api/search?q=…&tag=&author=&office=&month=&limit=&cursor=: posts readers may see that match every word
 * and quoted phrase of q, best first, each with a snippet in which the words found are marked; with ?tag,
 * ?author, ?office or ?month (as the list takes them, any of them together) only among the posts there. q is
 * text, never a query language: anything may be sent, and what cannot be searched is a 400, never a 5xx.
 */
public final class SearchHandler extends ApiFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String query = request.strictQuery("q").orElse("");
        List<FieldError> errors = new ArrayList<>();
        int limit = ListParams.limit(request.strictQuery("limit"), SearchService.DEFAULT_LIMIT, SearchService.MAX_LIMIT, errors);
        Optional<String> cursor = request.strictQuery("cursor").filter(c -> !c.isEmpty());
        ListParams.checkCursor(cursor, errors);
        SearchScope scope = SearchScope.read(request::strictQuery, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }
        return answer(app().search().search(query, scope, limit, cursor), page -> Caching.publicly(request, HttpResponse.json(200, json(page))));
    }

    static Map<String, Object> json(SearchPage page) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("items", page.hits().stream().map(SearchHandler::hit).toList());
        node.put("total", page.total());
        node.put("nextCursor", page.nextCursor().orElse(null));
        node.put("similar", page.similar());
        return node;
    }

    private static Map<String, Object> hit(SearchHit h) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("slug", h.slug());
        node.put("title", h.title());
        node.put("excerpt", h.excerpt());
        node.put("snippet", h.snippetHtml());
        node.put("author", PostJson.byline(h.author()));
        node.put("publishedAt", SiteTime.format(h.publishedAt()));
        node.put("tags", PostJson.tags(h.tags()));
        return node;
    }

    /**
     * A search before the snapshot (in each of priming's rounds) loads and compiles Lucene's search and
     * this container's copy of the index, so a restored copy fetches only what changed since the deploy. Only the search functions do
     * this, so no other function loads Lucene.
     */
    @Override
    protected List<HttpRequest> primingRequests() {
        return List.of(primingRequest("GET", "GET /api/search", "/api/search").rawQuery("q=inl%C3%A4gg").query("q", "inlägg").build());
    }

    /** Search reads only its index in S3; the function is granted no DynamoDB at all. */
    @Override
    protected boolean readsTable() {
        return false;
    }
}
