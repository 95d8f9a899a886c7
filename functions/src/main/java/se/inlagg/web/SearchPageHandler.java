package se.inlagg.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.posts.DirectionControls;
import se.inlagg.posts.Facet;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Nfc;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Tag;
import se.inlagg.search.SearchHit;
import se.inlagg.search.SearchPage;
import se.inlagg.search.SearchScope;
import se.inlagg.search.SearchService;
import se.inlagg.web.templates.JtesearchGenerated;

/**
 * GET /sok?q=…: the search results page, usable with no JavaScript (the search box in every page's
 * header sends the query here; a category's, person's, office's or month's page sends its own, with
 * ?tag, ?author, ?office or ?month, which narrow it as they narrow the API's search). Whatever is typed gets a page: an empty or unusable query is told
 * what to do in Swedish, never an error; only bytes that are not UTF-8 are refused as unreadable, and a narrowing or a
 * cursor that cannot be read (a link's, not the box's) is said so on a 400.
 */
public final class SearchPageHandler extends PageFunction {

    static final int PER_PAGE = 10;

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        // Control characters (a NUL, or U+0080–U+009F) are searched as spaces, and never shown: HTML has no place for them.
        String typed = SearchService.withoutControls(request.strictQuery("q").orElse("")).strip();
        Optional<String> cursor = request.strictQuery("cursor").filter(c -> !c.isBlank());
        List<FieldError> scopeErrors = new ArrayList<>();
        SearchScope scope = SearchScope.read(request::strictQuery, scopeErrors);
        Optional<Outcome<SearchPage>> found = scopeErrors.isEmpty() && !typed.isBlank()
                ? Optional.of(app().search().search(typed, scope, PER_PAGE, cursor)) : Optional.empty();
        // Too long to search, it is shown as long as a search may be (found by a probe: a thousand characters filled the tab's
        // title and the box, whose maxlength holds typing back but not a value, for the reader to delete 800 of by hand).
        String composed = Nfc.of(typed);
        String query = composed.codePointCount(0, composed.length()) <= SearchService.MAX_QUERY ? typed
                : composed.substring(0, composed.offsetByCodePoints(0, SearchService.MAX_QUERY)).strip();
        // Named as the posts found name them ("Åsa Öberg", not "asa-oberg" from a link made by hand); with none found, as
        // a post of the scope does.
        SearchWithin search = SearchWithin.of(found.map(f -> namedByHits(scope.facets(), named(f, scope))).orElse(scope.facets()), query);
        Optional<SearchWithin> within = Optional.of(search).filter(s -> !scope.isEverywhere());
        // The same words among every post, from a search narrowed to some of them (or one whose narrowing could not be read).
        Optional<String> everywhere = Optional.of(SearchWithin.of(List.of(), query).firstPage())
                .filter(href -> !query.isBlank() && (within.isPresent() || !scopeErrors.isEmpty()));
        SearchView view;
        int pageNumber = 1;
        // A narrowing or a cursor that cannot be read came in a link, never from the box: 400, never stored, as the list
        // pages answer the same (found by a probe: a 200 the edge kept). What the box was given gets its page and a 200.
        boolean badLink = !scopeErrors.isEmpty() || found.filter(SearchPageHandler::cursorRefused).isPresent();
        if (!scopeErrors.isEmpty()) {
            view = new SearchView(query, "Sök bland inläggen", Optional.of(scopeAdvice(scopeErrors)), List.of(), Optional.empty(),
                    Optional.empty(), Optional.empty(), everywhere);
        } else if (found.isEmpty()) {
            view = new SearchView("", "Sök bland inläggen", Optional.of("Skriv något att söka efter."), List.of(),
                    Optional.empty(), Optional.empty(), within, Optional.empty());
        } else {
            if (found.get() instanceof Outcome.Done<SearchPage> d && d.value().hits().isEmpty() && d.value().offset() > 0) {
                // A later page whose hits were since deleted or unpublished (found by a probe: "Sida 4 av 3", and
                // nothing): to the first page, as the lists do, where the hits still there are.
                return HttpResponse.seeOther(search.firstPage());
            }
            view = switch (found.get()) {
                case Outcome.Refused<SearchPage> r -> new SearchView(query, "Sök bland inläggen", Optional.of(advice(r.refusal())),
                        List.of(), Optional.empty(), Optional.empty(), within, everywhere);
                case Outcome.Done<SearchPage> d -> {
                    pageNumber = d.value().offset() / PER_PAGE + 1;
                    yield results(search, within, everywhere, d.value(), app().posts().time().zone());
                }
            };
        }
        // The words as typed, isolated as the sentence on the page has them: a right-to-left override in them turned the
        // scope after them in the tab's title (found by a review).
        String sought = DirectionControls.isolated(query) + within.map(w -> ", bland inlägg " + w.where()).orElse("");
        // A later page of hits says which it is (found by a probe: every page was titled alike, WCAG 2.4.2).
        String title = (query.isBlank() ? "Sök" : "Sök: " + sought) + (pageNumber > 1 ? " – sida " + pageNumber : "");
        String description = view.message().orElse("Sökresultat för " + sought + ".");
        String self = query.isBlank() ? "/sok" : search.firstPage();
        // Results are for the reader who asked, not for search engines: not indexed, links followed by nobody. A search
        // kept to some posts has its words in its own box only: Enter in the header's, which searches all, would lose the scope.
        Frame frame = Frame.shared(title, description, Sharing.website(base(request) + self), List.of(), viewer)
                .notIndexed().withSearchQuery(within.isPresent() ? "" : query);
        return page(request, badLink ? 400 : 200, frame, Templates.render(out -> JtesearchGenerated.render(out, null, frame, view)));
    }

    private static boolean cursorRefused(Outcome<SearchPage> found) {
        return found instanceof Outcome.Refused<SearchPage> r && r.refusal() instanceof Refusal.Invalid i
                && i.errors().stream().anyMatch(e -> e.field().equals("cursor"));
    }

    /**
     * The hits that name the scope: those found, or, on a first page of none, any post of the scope. Only a name is
     * looked for so (a month names itself); where none is found, the names stay as the link wrote them.
     */
    private List<SearchHit> named(Outcome<SearchPage> found, SearchScope scope) {
        if (!(found instanceof Outcome.Done<SearchPage> d) || !d.value().hits().isEmpty() || d.value().offset() > 0
                || scope.facets().stream().allMatch(f -> f.kind() == Facet.Kind.MONTH)) {
            return found instanceof Outcome.Done<SearchPage> done ? done.value().hits() : List.of();
        }
        return app().search().anyIn(scope).stream().toList();
    }

    /** The facets, each named as a hit names it where one does (a category's name, an author's, an office's). */
    private static List<Facet> namedByHits(List<Facet> facets, List<SearchHit> hits) {
        List<Facet> named = new ArrayList<>();
        for (Facet f : facets) {
            Optional<String> name = hits.stream().flatMap(h -> switch (f.kind()) {
                case CATEGORY -> h.tags().stream().filter(t -> t.slug().equals(f.slug())).map(Tag::name);
                case PERSON -> Stream.of(h.author().name()).filter(n -> sameSlug(Facet.person(n), f));
                case OFFICE -> h.author().office().stream().filter(o -> sameSlug(Facet.office(o), f));
                case MONTH -> Stream.<String>empty();
            }).findFirst();
            named.add(name.map(n -> new Facet(f.kind(), f.slug(), n)).orElse(f));
        }
        return named;
    }

    private static boolean sameSlug(Optional<Facet> a, Facet b) {
        return a.filter(f -> f.slug().equals(b.slug())).isPresent();
    }

    static SearchView results(SearchWithin search, Optional<SearchWithin> within, Optional<String> everywhere, SearchPage page,
                                      ZoneId zone) {
        // Pages of the hits that are shown, the first 1,000, said so when there are more.
        long shown = Math.min(page.total(), SearchService.MAX_HITS);
        long pages = (shown + PER_PAGE - 1) / PER_PAGE;
        String where = within.map(w -> " " + w.where()).orElse("");
        // In a sentence, what was typed keeps its direction to itself (a link may carry an open override).
        String typed = DirectionControls.isolated(search.query());
        String pageOf = pages > 1 ? " Sida " + (page.offset() / PER_PAGE + 1) + " av " + pages + "." : "";
        String found = page.total() == 0
                ? "Inga inlägg" + where + " hittades för " + Views.quotedAtEnd(typed) + " Prova färre eller andra ord."
                // A typo, most often: said so, so nobody takes these for the words they typed.
                : page.similar() ? "Inga inlägg" + where + " hittades för " + Views.quotedAtEnd(typed) + " Här visas " + shown
                        + " inlägg med liknande ord." + pageOf
                : Swedish.posts(page.total()) + where + " hittades för " + Views.quotedAtEnd(typed) + pageOf
                        + (page.total() > shown ? " Här visas de " + shown + " som passar bäst: fler ord ger färre träffar." : "");
        List<SearchView.Hit> hits = page.hits().stream().map(h -> hit(h, zone)).toList();
        String base = search.firstPage();
        return new SearchView(search.query(), "Sökresultat", Optional.of(found), hits,
                page.previousCursor().map(c -> base + "&cursor=" + c), page.nextCursor().map(c -> base + "&cursor=" + c), within, everywhere);
    }

    private static SearchView.Hit hit(SearchHit h, ZoneId zone) {
        return new SearchView.Hit(h.title(), Views.postPath(h.slug()), SiteTime.format(h.publishedAt()),
                Views.date(h.publishedAt(), zone), Views.byline(h.author()), h.snippetHtml(), Views.categories(h.tags()));
    }

    /** What a reader can do about a narrowing (?tag, ?author, ?office, ?month) that could not be read, in Swedish. */
    private static String scopeAdvice(List<FieldError> errors) {
        FieldError first = errors.getFirst();
        if (first.field().equals("month")) {
            return "Månaden att söka i skrivs som år och månad, till exempel 2026-11.";
        }
        if (first.message().startsWith("must be at most")) {
            return "Namnet att söka bland är för långt. Det får vara högst " + Facet.MAX_PARAMETER_VALUE + " tecken.";
        }
        // "a–ö": a name of only Cyrillic or Arabic letters has letters, and no address (found by a probe: it was told it had none).
        return "Kategorin, skribenten eller kontoret att söka bland måste ha en bokstav a–ö eller en siffra i namnet "
                + "(é, ü och andra bokstäver med accent räknas också).";
    }

    /** What a reader can do about a query that could not be searched, in Swedish. */
    private static String advice(Refusal refusal) {
        List<FieldError> errors = refusal instanceof Refusal.Invalid i ? i.errors() : List.of();
        for (FieldError e : errors) {
            if (e.field().equals("q") && e.message().startsWith("must be at most")) {
                return "Sökningen är för lång. Använd högst " + SearchService.MAX_QUERY + " tecken.";
            }
            if (e.field().equals("q") && e.message().startsWith("must have at most")) {
                return "Sökningen har för många ord. Använd högst " + SearchService.MAX_WORDS + " ord.";
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
