package se.inlagg.posts;

import java.time.YearMonth;
import java.util.Optional;

/**
 * A way readers find posts: a category, a person, an office or a month. Each post belongs to a
 * few of them; each has a page listing its posts and a count of the posts readers may see.
 */
public record Facet(Kind kind, String slug, String name) {

    /** The kinds, each with the path of its pages. */
    public enum Kind {
        CATEGORY("/tags/"),
        PERSON("/people/"),
        OFFICE("/offices/"),
        MONTH("/archive/");

        private final String path;

        Kind(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    public Facet {
        if (!Slugs.isSlug(slug) && !(kind == Kind.MONTH && slug.matches("\\d{4}-\\d{2}"))) {
            throw new IllegalArgumentException("not a facet slug: " + slug);
        }
    }

    public static Facet category(Tag tag) {
        return new Facet(Kind.CATEGORY, tag.slug(), tag.name());
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

    /** The page that lists this facet's posts. */
    public String path() {
        return kind.path() + slug;
    }
}
