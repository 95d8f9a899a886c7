package se.inlagg.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.posts.Facet;
import se.inlagg.posts.FacetCount;
import se.inlagg.web.templates.JtearchiveGenerated;
import se.inlagg.web.templates.JtefacetsGenerated;

/**
 * GET /tags, /archive, /people and /offices: every category, month, person and office that has a
 * post readers may see, with its count, linked to its list. Each is one Query on the kind's counters
 * (more only past DynamoDB's 1 MB a page), and counts include scheduled posts once their time has come.
 */
public final class FacetsPageHandler extends PageFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        String path = request.path();
        Sharing sharing = Sharing.website(base(request) + path);
        if (path.equals("/archive")) {
            ArchiveView view = archive(app().posts().facets(Facet.Kind.MONTH));
            Frame frame = Frame.shared("Arkiv", "Alla inlägg månad för månad, de senaste först.", sharing, feeds(), viewer);
            return page(request, 200, frame, Templates.render(out -> JtearchiveGenerated.render(out, null, frame, view)));
        }
        FacetIndexView view = switch (path) {
            case "/people" -> index(Facet.Kind.PERSON, "Skribenter", "Alla som har skrivit inlägg.", "Ingen har skrivit något ännu.");
            case "/offices" -> index(Facet.Kind.OFFICE, "Kontor", "Alla kontor som inläggen kommer från.", "Inga kontor ännu.");
            case "/tags" -> index(Facet.Kind.CATEGORY, "Kategorier", "Alla kategorier med antal inlägg.", "Inga kategorier ännu.");
            // A path template.yaml gives this function and this switch does not know: a 500 in the tests, not the
            // categories under an address the CDN would then keep them at.
            default -> throw new IllegalStateException("FacetsPageHandler has no page for the path " + path);
        };
        Frame frame = Frame.shared(view.heading(), view.intro(), sharing, feeds(), viewer);
        return page(request, 200, frame, Templates.render(out -> JtefacetsGenerated.render(out, null, frame, view)));
    }

    private FacetIndexView index(Facet.Kind kind, String heading, String intro, String empty) {
        List<FacetIndexView.Entry> entries = app().posts().facetsByName(kind).stream()
                .map(c -> new FacetIndexView.Entry(c.facet().name(), c.facet().path(), c.count())).toList();
        return new FacetIndexView(heading, intro, entries, empty);
    }

    /** Months come newest first from their counters; grouped by year in that order. */
    static ArchiveView archive(List<FacetCount> months) {
        Map<Integer, List<FacetIndexView.Entry>> byYear = new LinkedHashMap<>();
        Map<Integer, Long> counts = new LinkedHashMap<>();
        for (FacetCount m : months) {
            int year = YearMonth.parse(m.facet().slug()).getYear();
            String month = m.facet().name().substring(0, m.facet().name().lastIndexOf(' '));
            byYear.computeIfAbsent(year, y -> new ArrayList<>()).add(new FacetIndexView.Entry(month, m.facet().path(), m.count()));
            counts.merge(year, m.count(), Long::sum);
        }
        List<ArchiveView.Year> years = new ArrayList<>();
        byYear.forEach((year, entries) -> years.add(new ArchiveView.Year(year, counts.get(year), entries)));
        return new ArchiveView(years);
    }

    private static List<Link> feeds() {
        return List.of(new Link("Alla inlägg", "/feed.xml"));
    }
}
