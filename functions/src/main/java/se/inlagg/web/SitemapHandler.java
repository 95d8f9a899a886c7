package se.inlagg.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Facet;
import se.inlagg.posts.FacetCount;
import se.inlagg.posts.ListQuery;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Page;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.SiteTime;

/**
 * GET /robots.txt, /sitemap.xml and /sitemaps/{file}: every public page for search engines. The
 * sitemap is an index of small sitemaps, one for the site's own pages (lists, categories, people,
 * offices, months) and one per month of posts, so no sitemap nears the 50,000 addresses a sitemap
 * may hold, and each is read with Queries on one list, however many posts there are.
 */
public final class SitemapHandler extends PageFunction {

    static final String XML = "application/xml; charset=utf-8";
    static final String PAGES = "sidor.xml";
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String base = base(request);
        if (request.path().equals("/robots.txt")) {
            return Caching.publicly(request, HttpResponse.of(200, "text/plain; charset=utf-8", robots(base)));
        }
        if (request.path().equals("/sitemap.xml")) {
            return xml(request, index(base));
        }
        String file = request.pathParameter("file").orElse("");
        if (file.equals(PAGES)) {
            return xml(request, pages(base));
        }
        Optional<YearMonth> month = file.endsWith(".xml") ? SiteTime.parseMonth(file.substring(0, file.length() - 4)) : Optional.empty();
        if (month.isEmpty()) {
            throw new ProblemException(Problems.routeNotFound());
        }
        return xml(request, posts(base, month.get()));
    }

    /** Forms and an author's own pages are nobody's to index; search results neither. */
    static String robots(String base) {
        return """
                User-agent: *
                Disallow: /write
                Disallow: /drafts
                Disallow: /signin
                Disallow: /sok
                Disallow: /api/

                Sitemap: %s/sitemap.xml
                """.formatted(base);
    }

    private String index(String base) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"" + NS + "\">\n");
        out.append("<sitemap><loc>").append(AtomFeed.text(base + "/sitemaps/" + PAGES)).append("</loc></sitemap>\n");
        for (FacetCount month : app().posts().facets(Facet.Kind.MONTH)) {
            out.append("<sitemap><loc>").append(AtomFeed.text(base + "/sitemaps/" + month.facet().slug() + ".xml"))
                    .append("</loc></sitemap>\n");
        }
        return out.append("</sitemapindex>\n").toString();
    }

    private String pages(String base) {
        List<String> paths = new ArrayList<>(List.of("/", "/tags", "/archive", "/people", "/offices"));
        for (Facet.Kind kind : Facet.Kind.values()) {
            app().posts().facets(kind).forEach(c -> paths.add(c.facet().path()));
        }
        StringBuilder out = urlset();
        paths.forEach(p -> out.append("<url><loc>").append(AtomFeed.text(base + p)).append("</loc></url>\n"));
        return out.append("</urlset>\n").toString();
    }

    /** Every visible post of one month: Queries on the month's part of the feed, a hundred posts each. */
    private String posts(String base, YearMonth month) {
        StringBuilder out = urlset();
        int found = 0;
        Optional<String> cursor = Optional.empty();
        do {
            var query = new ListQuery(Optional.empty(), Optional.of(month), ListQuery.MAX_LIMIT, cursor);
            Page<PostSummary> page = switch (app().posts().list(query)) {
                case Outcome.Done<Page<PostSummary>> d -> d.value();
                case Outcome.Refused<Page<PostSummary>> r -> throw new ProblemException(Problems.of(r.refusal()));
            };
            for (PostSummary s : page.items()) {
                out.append("<url><loc>").append(AtomFeed.text(base + Views.postPath(s.slug()))).append("</loc><lastmod>")
                        .append(SiteTime.format(s.modifiedForReaders())).append("</lastmod></url>\n");
                found++;
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        if (found == 0) {
            throw new ProblemException(Problems.of(new Refusal.NotFound(Refusal.Missing.MONTH)));
        }
        return out.append("</urlset>\n").toString();
    }

    private static StringBuilder urlset() {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"" + NS + "\">\n");
    }

    private static HttpResponse xml(HttpRequest request, String body) {
        return Caching.publicly(request, HttpResponse.of(200, XML, body));
    }
}
