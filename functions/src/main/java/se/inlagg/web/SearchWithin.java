package se.inlagg.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import se.inlagg.posts.Facet;

/**
 * A search box that searches only where the reader is (a category's, a person's, an office's or a month's posts,
 * or a search already so narrowed): its label says where in Swedish, and the scope goes along as hidden fields,
 * so it works with no JavaScript. The header's box searches everywhere.
 *
 * @param where "i kategorin Frivård i november 2026": the scope as it stands in a sentence
 */
public record SearchWithin(String where, String query, List<Hidden> hidden) {

    /** A field the form sends as it is. */
    public record Hidden(String name, String value) {
    }

    public SearchWithin {
        hidden = List.copyOf(hidden);
    }

    /**
     * A box for these facets' posts (a search's scope, or a list's own: no class of search is loaded for a list). Where,
     * in words that read in any combination: "i kategorin Resor av Åsa Öberg på Frivården Malmö i september 2026".
     */
    static SearchWithin of(List<Facet> facets, String query) {
        boolean byPerson = facets.stream().anyMatch(f -> f.kind() == Facet.Kind.PERSON);
        List<String> parts = new ArrayList<>();
        for (Facet f : facets) {
            parts.add(switch (f.kind()) {
                case CATEGORY -> "i kategorin " + f.nameInText();
                case PERSON -> "av " + f.nameInText();
                // Where a person works, or where posts come from.
                case OFFICE -> (byPerson ? "på " : "från ") + f.nameInText();
                case MONTH -> "i " + f.nameInText();
            });
        }
        List<Hidden> hidden = facets.stream().map(f -> new Hidden(f.kind().parameter(), f.parameterValue())).toList();
        return new SearchWithin(String.join(" ", parts), query, hidden);
    }

    /** "Sök bland inläggen i kategorin Frivård": the box's label, and its landmark's name beside the header's box. */
    public String label() {
        return "Sök bland inläggen " + where;
    }

    /** The address of this search's first page of hits, scope and all. */
    String firstPage() {
        StringBuilder href = new StringBuilder("/sok?q=").append(encoded(query));
        for (Hidden h : hidden) {
            href.append('&').append(h.name()).append('=').append(encoded(h.value()));
        }
        return href.toString();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
