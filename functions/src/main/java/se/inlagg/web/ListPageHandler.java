package se.inlagg.web;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import se.inlagg.api.ApiRequest;
import se.inlagg.api.ApiResponse;
import se.inlagg.api.Wiring;
import se.inlagg.posts.ListQuery;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Page;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Tag;

/** GET /, GET /archive/{month} and GET /tags/{tag}: posts newest first, a page at a time. */
public final class ListPageHandler extends PageHandler {

    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.forLanguageTag("sv"));

    public ListPageHandler() {
        this(Wiring.shared());
    }

    public ListPageHandler(Wiring wiring) {
        super(wiring);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Optional<Viewer> viewer = viewer(request);
        Optional<String> rawMonth = request.pathParameter("month").or(() -> request.query("month")).filter(m -> !m.isBlank());
        Optional<YearMonth> month = rawMonth.flatMap(SiteTime::parseMonth);
        if (rawMonth.isPresent() && month.isEmpty()) {
            return errorPage(request, 404, "Ingen sådan månad: skriv den som 2019-01.");
        }
        Optional<Tag> tag = Optional.empty();
        if (request.pathParameter("tag").isPresent()) {
            tag = wiring.posts().findTag(request.pathParameter("tag").get());
            if (tag.isEmpty()) {
                return errorPage(request, 404, "Det finns ingen sådan kategori.");
            }
        }
        Optional<String> cursor = request.query("cursor").filter(c -> !c.isBlank() && c.length() <= 512);
        var query = new ListQuery(tag.map(Tag::slug), month, PAGE_SIZE, cursor);
        return switch (wiring.posts().list(query)) {
            case Outcome.Refused<Page<PostSummary>> r -> errorPage(request, 400, "Länken till nästa sida gäller inte längre.");
            case Outcome.Done<Page<PostSummary>> d -> render(request, viewer, tag, month, d.value());
        };
    }

    private ApiResponse render(ApiRequest request, Optional<Viewer> viewer, Optional<Tag> tag, Optional<YearMonth> month,
                               Page<PostSummary> page) {
        String heading = tag.map(t -> "Kategori: " + t.name())
                .orElse(month.map(m -> "Inlägg från " + MONTH.format(m)).orElse("Alla inlägg"));
        StringBuilder main = new StringBuilder("<h1>").append(Html.text(heading)).append("</h1>\n");
        if (page.items().isEmpty()) {
            main.append("<p>Inga inlägg här ännu.</p>\n");
        }
        page.items().forEach(s -> main.append(PostHtml.summary(s, wiring.posts().time().zone())));
        page.nextCursor().ifPresent(c -> main.append("<nav class=\"pager\" aria-label=\"Sidor\"><a rel=\"next\" href=\"")
                .append(Html.text(request.path() + "?" + month.filter(m -> request.pathParameter("month").isEmpty())
                        .map(m -> "month=" + m + "&").orElse("") + "cursor=" + c))
                .append("\">Äldre inlägg</a></nav>\n"));
        List<Layout.Feed> feeds = new ArrayList<>();
        feeds.add(new Layout.Feed("Alla inlägg", "/feed.xml"));
        tag.ifPresent(t -> feeds.add(new Layout.Feed("Kategori: " + t.name(), "/tags/" + t.slug() + "/feed.xml")));
        return page(request, 200, tag.isPresent() || month.isPresent() ? heading : Layout.SITE_NAME, main.toString(), viewer, feeds);
    }
}
