package se.inlagg.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Facet;
import se.inlagg.posts.ListQuery;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Page;
import se.inlagg.posts.PostService;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.SwedishDates;
import se.inlagg.web.templates.JtelistGenerated;

/**
 * GET /, /archive/{month}, /tags/{tag}, /people/{person} and /offices/{office}: posts newest
 * first, a page at a time. Each page of any list is one DynamoDB Query.
 */
public final class ListPageHandler extends PageFunction {

    static final int PAGE_SIZE = 20;

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        Optional<String> rawMonth = request.pathParameter("month").or(() -> request.strictQuery("month")).filter(m -> !m.isBlank());
        // Spaces around it taken off, as the API's lists take it (Facet.named), so "?month=+2019-01" is the same month to both.
        Optional<YearMonth> month = rawMonth.map(String::strip).flatMap(SiteTime::parseMonth);
        if (rawMonth.isPresent() && month.isEmpty()) {
            throw new ProblemException(Problems.of(new Refusal.NotFound(Refusal.Missing.NO_SUCH_MONTH)));
        }
        Optional<String> cursor = request.strictQuery("cursor").filter(c -> !c.isBlank());
        // A cursor too long to be one is refused by the store as any other made-up cursor is (dropped here, the first
        // page would answer with it in its canonical address).
        Function<Optional<Facet>, Outcome<Page<PostSummary>>> list =
                f -> app().posts().list(new ListQuery(f, month, PAGE_SIZE, cursor));
        Optional<PostService.InFacet<Outcome<Page<PostSummary>>>> inFacet = facetInPath(request, f -> list.apply(Optional.of(f)));
        Optional<Facet> facet = inFacet.map(PostService.InFacet::facet);
        return switch (inFacet.map(PostService.InFacet::value).orElseGet(() -> list.apply(Optional.empty()))) {
            case Outcome.Refused<Page<PostSummary>> r -> throw new ProblemException(staleListLink());
            case Outcome.Done<Page<PostSummary>> d -> {
                // A month without a post readers see is not found, as a category, person or office is: every month of
                // the years 1–9999 would otherwise be a page, empty, for crawlers to list.
                if (month.isPresent() && cursor.isEmpty() && d.value().items().isEmpty()) {
                    throw new ProblemException(Problems.of(new Refusal.NotFound(Refusal.Missing.MONTH)));
                }
                if (cursor.isPresent() && d.value().items().isEmpty()) {
                    // A page whose posts were all deleted or unpublished since its link was made: to the list's first
                    // page, where the posts still there are, not an empty page with no way on.
                    yield HttpResponse.seeOther(link(facet.map(Facet::path).orElse(request.path()), monthParameter(request, month), Optional.empty()));
                }
                yield render(request, viewer, facet, month, d.value());
            }
        };
    }

    private HttpResponse render(HttpRequest request, Optional<Viewer> viewer, Optional<Facet> facet, Optional<YearMonth> month,
                                Page<PostSummary> page) {
        // A category, person or office narrowed to a month says so (else /tags/frivard?month=2024-09 looks like the
        // whole category with posts missing).
        String heading = facet.map(f -> heading(f) + month.map(m -> ", " + Facet.month(m).nameInText()).orElse(""))
                .orElse(month.map(m -> heading(Facet.month(m))).orElse("Alla inlägg"));
        var zone = app().posts().time().zone();
        String monthParameter = monthParameter(request, month);
        // Links from the facet's slug, not the path as typed (/tags/FRIVARD): one address for each page.
        String path = facet.map(Facet::path).orElse(request.path());
        Optional<String> older = page.nextCursor().map(c -> link(path, monthParameter, Optional.of(c)));
        Optional<String> newer = page.previousCursor().map(c -> link(path, monthParameter, Optional.of(c)));
        // The list's own posts to search: its facet and month, as a search's scope takes them (the front page has the header's box).
        List<Facet> where = new ArrayList<>();
        facet.ifPresent(where::add);
        month.map(Facet::month).ifPresent(where::add);
        Optional<SearchWithin> searchWithin = where.isEmpty() ? Optional.empty() : Optional.of(SearchWithin.of(where, ""));
        ListView view = new ListView(heading, page.items().stream().map(s -> Views.card(s, zone)).toList(), older, newer,
                "Inga inlägg här ännu.", searchWithin);
        // The page's own feed first: many feed readers take the first a page names, and a reader who gives them a
        // category's address means its posts, not all of them.
        List<Link> feeds = new ArrayList<>();
        facet.flatMap(FeedHandler::link).ifPresent(feeds::add);
        feeds.add(new Link("Alla inlägg", "/feed.xml"));
        // A later page says so in its title, and the first page, reached back through a cursor ("Nyare inlägg" from
        // the second), names the list's own address as its canonical one, so the first page has one address.
        // A later page is named by the date it starts at, so each has a title of its own (and the front page's later ones
        // name the site once).
        boolean first = page.previousCursor().isEmpty();
        String title = first && facet.isEmpty() && month.isEmpty() ? Frame.SITE_NAME
                : first || page.items().isEmpty() ? heading
                : heading + " – till och med " + SwedishDates.date(page.items().getFirst().publishedAt(), zone);
        // The canonical address: a month's own page for /?month= too.
        String self = link(month.filter(m -> facet.isEmpty()).map(m -> Facet.month(m).path()).orElse(path),
                facet.isPresent() ? monthParameter : "", request.strictQuery("cursor").filter(c -> !c.isBlank() && !first));
        Frame frame = Frame.shared(title, description(heading, page), Sharing.website(base(request) + self), feeds, viewer);
        return page(request, 200, frame, Templates.render(out -> JtelistGenerated.render(out, null, frame, view)));
    }

    /** A month asked for as ?month= (not in the path), which stays in every link of its pages; else nothing. */
    private static String monthParameter(HttpRequest request, Optional<YearMonth> month) {
        return month.filter(m -> request.pathParameter("month").isEmpty()).map(m -> "month=" + m).orElse("");
    }

    /** A page of this list: its path, the month when it came as a parameter, and the cursor, if any. */
    private static String link(String path, String monthParameter, Optional<String> cursor) {
        List<String> parameters = new ArrayList<>();
        if (!monthParameter.isEmpty()) {
            parameters.add(monthParameter);
        }
        cursor.ifPresent(c -> parameters.add("cursor=" + c));
        return parameters.isEmpty() ? path : path + "?" + String.join("&", parameters);
    }

    /** "Kategori: Frivård. Senast: Nytt möte i Ystad, Fika i Växjö med flera." (not "och fler" of a single post). */
    private static String description(String heading, Page<PostSummary> page) {
        List<PostSummary> items = page.items();
        if (items.isEmpty()) {
            return heading;
        }
        if (items.size() == 1) {
            return heading + ". " + sentence(items.getFirst().title());
        }
        String latest = items.getFirst().title() + ", " + items.get(1).title();
        return heading + ". Senast: " + (items.size() > 2 ? latest + " med flera." : sentence(latest));
    }

    private static String sentence(String text) {
        return Views.endsInItsOwnMark(text) ? text : text + ".";
    }

    private static String heading(Facet f) {
        return switch (f.kind()) {
            case CATEGORY -> "Kategori: " + f.nameInText();
            case PERSON -> "Inlägg av " + f.nameInText();
            case OFFICE -> "Inlägg från " + f.nameInText();
            case MONTH -> "Inlägg från " + f.nameInText();
        };
    }

    @Override
    protected List<HttpRequest> primingRequests() {
        return List.of(primingGet("GET /", "/"));
    }
}
