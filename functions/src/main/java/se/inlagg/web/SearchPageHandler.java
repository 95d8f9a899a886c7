package se.inlagg.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Refusal;
import se.inlagg.search.SearchHit;
import se.inlagg.search.SearchPage;
import se.inlagg.search.SearchService;
import se.inlagg.web.templates.JtesearchGenerated;

/**
 * GET /sok?q=…: the search results page, usable with no JavaScript (the search box in every page's
 * header sends the query here). Whatever is typed gets a page: an empty or unusable query is told
 * what to do in Swedish, never an error; only bytes that are not UTF-8 are refused as unreadable.
 */
public final class SearchPageHandler extends PageFunction {

    static final int PER_PAGE = 10;

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        // Control characters (a NUL, or U+0080–U+009F) are searched as spaces, and never shown: HTML has no place for them.
        String query = SearchService.withoutControls(request.strictQuery("q").orElse("")).strip();
        Optional<String> cursor = request.strictQuery("cursor").filter(c -> !c.isBlank());
        SearchView view;
        int pageNumber = 1;
        if (query.isBlank()) {
            view = new SearchView("", "Sök bland inläggen", Optional.of("Skriv något att söka efter."), List.of(),
                    Optional.empty(), Optional.empty());
        } else {
            Outcome<SearchPage> found = app().search().search(query, PER_PAGE, cursor);
            if (found instanceof Outcome.Done<SearchPage> d && d.value().hits().isEmpty() && d.value().offset() > 0) {
                // A later page whose hits were since deleted or unpublished (found by a probe: "Sida 4 av 3", and
                // nothing): to the first page, as the lists do, where the hits still there are.
                return HttpResponse.seeOther(firstPage(query));
            }
            view = switch (found) {
                case Outcome.Refused<SearchPage> r -> new SearchView(query, "Sök bland inläggen", Optional.of(advice(r.refusal())),
                        List.of(), Optional.empty(), Optional.empty());
                case Outcome.Done<SearchPage> d -> {
                    pageNumber = d.value().offset() / PER_PAGE + 1;
                    yield results(query, d.value(), app().posts().time().zone());
                }
            };
        }
        // A later page of hits says which it is (found by a probe: every page was titled alike, WCAG 2.4.2).
        String title = (query.isBlank() ? "Sök" : "Sök: " + query) + (pageNumber > 1 ? " – sida " + pageNumber : "");
        String description = view.message().orElse("Sökresultat för " + query + " bland inläggen.");
        String self = query.isBlank() ? "/sok" : firstPage(query);
        // Results are for the reader who asked, not for search engines: not indexed, links followed by nobody.
        Frame frame = Frame.shared(title, description, Sharing.website(base(request) + self), List.of(), viewer)
                .notIndexed().withSearchQuery(query);
        return page(request, 200, frame, Templates.render(out -> JtesearchGenerated.render(out, null, frame, view)));
    }

    private static SearchView results(String query, SearchPage page, ZoneId zone) {
        long pages = (page.total() + PER_PAGE - 1) / PER_PAGE;
        String found = page.total() == 0 ? "Inga inlägg hittades för ”" + query + "”. Prova färre eller andra ord."
                : page.total() + " inlägg hittades för ”" + query + "”." + (pages > 1 ? " Sida " + (page.offset() / PER_PAGE + 1) + " av " + pages + "." : "");
        List<SearchView.Hit> hits = page.hits().stream().map(h -> hit(h, zone)).toList();
        String base = firstPage(query);
        return new SearchView(query, "Sökresultat", Optional.of(found), hits,
                page.previousCursor().map(c -> base + "&cursor=" + c), page.nextCursor().map(c -> base + "&cursor=" + c));
    }

    /** The address of a search's first page of hits. */
    private static String firstPage(String query) {
        return "/sok?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static SearchView.Hit hit(SearchHit h, ZoneId zone) {
        return new SearchView.Hit(h.title(), Views.postPath(h.slug()), se.inlagg.posts.SiteTime.format(h.publishedAt()),
                Views.date(h.publishedAt(), zone), Views.byline(h.author()), h.snippetHtml(), Views.categories(h.tags()));
    }

    /** What a reader can do about a query that could not be searched, in Swedish. */
    private static String advice(Refusal refusal) {
        List<FieldError> errors = refusal instanceof Refusal.Invalid i ? i.errors() : List.of();
        for (FieldError e : errors) {
            if (e.field().equals("q") && e.message().startsWith("must be at most")) {
                return "Sökningen är för lång. Använd högst " + SearchService.MAX_QUERY + " tecken.";
            }
            if (e.field().equals("q") && e.message().startsWith("must contain")) {
                return "Skriv minst ett ord att söka efter – bara tecken som \" eller * går inte att söka på.";
            }
            if (e.field().equals("cursor")) {
                return "Länken till nästa sida gäller inte längre. Sök igen.";
            }
        }
        return "Det gick inte att söka på det du skrev. Prova med andra ord.";
    }

    /**
     * A search before the snapshot (in each of priming's rounds) loads and compiles Lucene's search and
     * this container's copy of the index, so a restored copy fetches only what changed since the deploy. Only the search functions do
     * this, so no other function loads Lucene.
     */
    @Override
    protected List<HttpRequest> primingRequests() {
        return List.of(primingSearch().build(),
                // A signed-in reader's page too: the table's client and the session's one read go into the
                // snapshot (a session nobody has, so nothing is found and nothing written).
                primingSearch().cookie(Cookies.SECURE_NAME + "=inlagg-priming").build());
    }

    private static HttpRequest.Builder primingSearch() {
        return primingRequest("GET", "GET /sok", "/sok").rawQuery("q=inl%C3%A4gg").query("q", "inlägg");
    }

    /**
     * The page reads the table only for a signed-in reader's session, and is granted nothing else
     * there: priming reads the index and a session (above), not the lists.
     */
    @Override
    protected boolean readsTable() {
        return false;
    }
}
