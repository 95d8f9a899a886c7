package se.inlagg.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import se.inlagg.posts.Facet;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Nfc;
import se.inlagg.posts.Tag;

/**
 * Where a search looks: every post readers may see, or only those in a category, by a person, from an
 * office or published in a month, or several of these at once. They are the ways the lists narrow, named
 * by the same query parameters as the API's lists (?tag, ?author, ?office, ?month); unlike a list, which is
 * one Query of one facet's partition, a search may combine them, as each is a filter on a term every post
 * carries in the index ({@link PostDocument#FACET}), never a read of the table.
 */
public record SearchScope(List<Facet> facets) {

    /** Every post readers may see. */
    public static final SearchScope EVERYWHERE = new SearchScope(List.of());

    public SearchScope {
        facets = List.copyOf(facets);
    }

    /**
     * The scope the parameters give: a category by its slug or name, a person and an office by name (or slug), a month
     * as 2026-11. A value that makes no slug or no month, or is too long, is noted as an error under its parameter's
     * name (where the API's list takes one that makes no slug for an empty list: a page can say what to do instead);
     * a blank one is left out, as an empty field of a form is.
     */
    public static SearchScope read(Function<String, Optional<String>> parameter, List<FieldError> errors) {
        List<Facet> facets = new ArrayList<>();
        for (Facet.Kind kind : Facet.Kind.values()) {
            String name = kind.parameter();
            Optional<String> raw = parameter.apply(name).filter(v -> !v.isBlank());
            if (raw.isEmpty()) {
                continue;
            }
            // As the words are read (SearchService): no control character or noncharacter is kept, since the page shows
            // the name; composed, as stored names are. One of nothing else is no name (from a review: it searched all posts).
            String value = Nfc.of(SearchService.withoutControls(raw.get())).strip();
            if (value.codePointCount(0, value.length()) > Facet.MAX_PARAMETER_VALUE) {
                errors.add(new FieldError(name, "must be at most " + Facet.MAX_PARAMETER_VALUE + " characters"));
                continue;
            }
            Facet.named(kind, value).ifPresentOrElse(facets::add, () -> errors.add(new FieldError(name,
                    kind == Facet.Kind.MONTH ? Facet.NOT_A_MONTH : Tag.LETTER_OR_DIGIT)));
        }
        return new SearchScope(facets);
    }

    public boolean isEverywhere() {
        return facets.isEmpty();
    }

    /** What tells one scope from another (their slugs, not their names as typed): a search's cursor is bound to it. */
    String key() {
        return String.join(" ", facets.stream().map(Facet::path).toList());
    }
}
