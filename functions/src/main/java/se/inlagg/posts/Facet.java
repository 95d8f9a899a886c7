package se.inlagg.posts;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A way readers find posts: a category, a person, an office or a month. Each post belongs to a
 * few of them; each has a page listing its posts and a count of the posts readers may see.
 */
public record Facet(Kind kind, String slug, String name) {

    /** The longest value of ?tag, ?author or ?office read: far more than any name of one. */
    public static final int MAX_PARAMETER_VALUE = 512;
    /**
     * What a ?month that names no month is told, in the API's words: one that cannot be read, or one outside the years
     * 1–9999 (0000-01 has the form, so the form alone would not say what is wrong).
     */
    public static final String NOT_A_MONTH = "must be a month like 2019-01, in the years 1–9999";

    /** The kinds, each with the path of its pages and the query parameter that narrows a list or a search to one. */
    public enum Kind {
        CATEGORY("/tags/", "tag"),
        PERSON("/people/", "author"),
        OFFICE("/offices/", "office"),
        MONTH("/archive/", "month");

        private final String path;
        private final String parameter;

        Kind(String path, String parameter) {
            this.path = path;
            this.parameter = parameter;
        }

        public String path() {
            return path;
        }

        /** ?tag, ?author, ?office or ?month: as the API's lists and search, and the search page, read them. */
        public String parameter() {
            return parameter;
        }
    }

    public Facet {
        // Never null, as the written-out equals and hashCode below take them to be.
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (!Slugs.isSlug(slug) && !(kind == Kind.MONTH && slug.matches("\\d{4}-\\d{2}"))) {
            throw new IllegalArgumentException("not a facet slug: " + slug);
        }
    }

    /**
     * As a record's own, written out: the record's is made at its first call by bootstrapping method handles, some 5 ms
     * of a write's cold start (an edit compares the facets a post had with those it gets), where these cost nothing.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Facet f && kind == f.kind && slug.equals(f.slug) && name.equals(f.name);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + slug.hashCode()) * 31 + name.hashCode();
    }

    public static Facet category(Tag tag) {
        return new Facet(Kind.CATEGORY, tag.slug(), tag.name());
    }

    /**
     * The category a slug or a name names ("klientens-basta" or "Klientens bästa"), without reading it: for what needs
     * no more than its key (the API's lists, a search's scope), since the posts of a category no reader can see are as
     * few as those of one that never was. Empty when the text makes no slug.
     */
    public static Optional<Facet> categoryNamed(String slugOrName) {
        String slug = slugOf(slugOrName);
        return slug.isEmpty() ? Optional.empty() : Optional.of(new Facet(Kind.CATEGORY, slug, Tag.normalizeName(slugOrName)));
    }

    /**
     * The facet of this kind a query parameter's value names (?tag, ?author, ?office, ?month, as the API's lists and
     * search read them): a category by its slug or name, a person or an office by name or slug, a month as 2026-11.
     * Empty when the value names none: no letter or digit to make a slug of, or no month.
     */
    public static Optional<Facet> named(Kind kind, String value) {
        return switch (kind) {
            case CATEGORY -> categoryNamed(value);
            // As a byline's name is stored (PostRules): without hints of a line break. Not in person() and office(), which
            // also name the facets of bylines stored before, whose slugs must stay as they were made.
            case PERSON -> person(BreakHints.removed(value).strip());
            case OFFICE -> office(BreakHints.removed(value).strip());
            case MONTH -> SiteTime.parseMonth(value.strip()).map(Facet::month);
        };
    }

    /** The slug a facet's slug or name makes: the slug itself, or the name's as a category's is made; empty when none. */
    public static String slugOf(String slugOrName) {
        return Slugs.isSlug(slugOrName) ? slugOrName : Slugs.of(Tag.normalizeName(slugOrName));
    }

    /** The person a byline names; empty when the name has no letter or digit to make a slug of. */
    public static Optional<Facet> person(String name) {
        String slug = Slugs.of(name);
        return slug.isEmpty() ? Optional.empty() : Optional.of(new Facet(Kind.PERSON, slug, name));
    }

    public static Optional<Facet> office(String name) {
        String slug = Slugs.of(name);
        return slug.isEmpty() ? Optional.empty() : Optional.of(new Facet(Kind.OFFICE, slug, name));
    }

    public static Facet month(YearMonth month) {
        return new Facet(Kind.MONTH, month.toString(), SwedishDates.month(month));
    }

    /**
     * Its name as it stands inside a sentence: a month's in lower case ("i september 2024"), the others' as they are,
     * keeping their direction to themselves, so the words after them read as written ({@link DirectionControls}).
     */
    public String nameInText() {
        return kind == Kind.MONTH ? name.toLowerCase(Locale.ROOT) : DirectionControls.isolated(name);
    }

    /** What names it in its query parameter: a month as 2026-11, the others by name (a slug would do too). */
    public String parameterValue() {
        return kind == Kind.MONTH ? slug : name;
    }

    /** The page that lists this facet's posts. */
    public String path() {
        return kind.path() + slug;
    }
}
