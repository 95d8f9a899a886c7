package se.inlagg.api;

import java.util.List;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.posts.Facet;

/** GET /api/tags: every category that has a visible post, with how many. */
public final class ListTagsHandler extends ApiFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return Caching.publicly(request, HttpResponse.json(200, PostJson.facetCounts(app().posts().facetsByName(Facet.Kind.CATEGORY))));
    }

    @Override
    protected List<HttpRequest> primingRequests() {
        return List.of(primingGet("GET /api/tags", "/api/tags"));
    }
}
