package se.inlagg.api;

import java.util.List;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.posts.Facet;
import se.inlagg.posts.FacetCount;

/**
 * GET /api/tags, /api/people, /api/offices and /api/months: every category, person, office or month that has a post
 * readers may see, with how many, as the pages /tags, /people, /offices and /archive list them. Each item's slug is
 * what ?tag, ?author, ?office or ?month of the lists and search take. One function for the four, as one for the four
 * pages: each is the same one Query on its kind's counters.
 */
public final class ListFacetsHandler extends ApiFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        List<FacetCount> counts = switch (request.routeKey()) {
            case "GET /api/tags" -> app().posts().facetsByName(Facet.Kind.CATEGORY);
            case "GET /api/people" -> app().posts().facetsByName(Facet.Kind.PERSON);
            case "GET /api/offices" -> app().posts().facetsByName(Facet.Kind.OFFICE);
            // Newest first, as the archive lists them: a client showing months wants the latest at the top.
            case "GET /api/months" -> app().posts().facets(Facet.Kind.MONTH);
            // A route template.yaml gives this function and this switch does not know: a 500 in the tests, not categories
            // answered, and cached, under another address.
            default -> throw new IllegalStateException("ListFacetsHandler has no list for the route " + request.routeKey());
        };
        return Caching.publicly(request, HttpResponse.json(200, PostJson.facetCounts(counts)));
    }

    @Override
    protected List<HttpRequest> primingRequests() {
        // The four share their path but for the kind they read: the categories, sorted by the collator, prime it all.
        return List.of(primingGet("GET /api/tags", "/api/tags"));
    }
}
