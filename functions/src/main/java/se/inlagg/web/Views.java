package se.inlagg.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import se.inlagg.posts.Byline;
import se.inlagg.posts.DirectionControls;
import se.inlagg.posts.Facet;
import se.inlagg.posts.Image;
import se.inlagg.posts.Neighbours;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Status;
import se.inlagg.posts.SwedishDates;
import se.inlagg.posts.Tag;

/**
 * Makes the templates' views from the domain's posts: dates in Swedish in the site's zone, links
 * to each post's categories, person and office. Templates only place what is made here.
 */
final class Views {

    private Views() {
    }

    static Card card(PostSummary s, ZoneId zone) {
        return new Card(s.title(), postPath(s.slug()), SiteTime.format(s.publishedAt()), date(s.publishedAt(), zone),
                byline(s.author()), s.excerpt(), categories(s.tags()));
    }

    static PostView post(Post post, ZoneId zone, Instant now) {
        return post(post, zone, now, Neighbours.NONE, List.of());
    }

    /** The post with the way on from it: its neighbours among all posts and a few related ones. */
    static PostView post(Post post, ZoneId zone, Instant now, Neighbours neighbours, List<PostSummary> related) {
        PostSummary s = post.summary();
        Optional<String> notice = Optional.empty();
        if (s.status() == Status.DRAFT) {
            notice = Optional.of("Utkast – syns bara för dig.");
        } else if (s.publishedAt().isAfter(now)) {
            notice = Optional.of("Schemalagt – syns för alla från " + dateTime(s.publishedAt(), zone) + ".");
        }
        Optional<PostView.Figure> figure = s.image().map(i -> new PostView.Figure(i.url(), i.alt(), i.caption(),
                i.size().map(Image.Size::width), i.size().map(Image.Size::height)));
        return new PostView(s.title(), SiteTime.format(s.publishedAt()), date(s.publishedAt(), zone), byline(s.author()),
                categories(s.tags()), figure, post.bodyHtml(), notice,
                neighbours.newer().map(n -> new Link(n.title(), postPath(n.slug()))),
                neighbours.older().map(n -> new Link(n.title(), postPath(n.slug()))),
                related.stream().map(r -> card(r, zone)).toList(), Optional.empty(), Optional.empty());
    }

    /** A post's status in words and as a class: a draft, scheduled (with its time), or published (with its date). */
    record StatusLabel(String text, String cssClass) {
    }

    static StatusLabel status(PostSummary s, Instant now, ZoneId zone) {
        if (s.status() == Status.DRAFT) {
            return new StatusLabel("Utkast", "status-draft");
        }
        if (s.publishedAt().isAfter(now)) {
            return new StatusLabel("Schemalagt till " + dateTime(s.publishedAt(), zone), "status-scheduled");
        }
        return new StatusLabel("Publicerat " + date(s.publishedAt(), zone), "status-published");
    }

    /** A line of "Mina inlägg". */
    static MyPostsView.Row row(PostSummary s, Instant now, ZoneId zone) {
        StatusLabel label = status(s, now, zone);
        return new MyPostsView.Row(s.title(), postPath(s.slug()), label.text(), label.cssClass(), SiteTime.format(s.updatedAt()),
                dateTime(s.updatedAt(), zone), s.version(), s.visibleAt(now), s.status() == Status.PUBLISHED);
    }

    /**
     * A draft with no date of its own is shown dated as it would be if published now, in its preview and on its own page,
     * not by the day it was begun, which publishing does not give it (nor after its date is taken away in the form).
     */
    static Post asPublishedNow(Post post, Instant now) {
        PostSummary s = post.summary();
        if (s.status() != Status.DRAFT || s.dated()) {
            return post;
        }
        return new Post(new PostSummary(s.id(), s.slug(), s.title(), s.excerpt(), s.author(), s.tags(), s.image(), s.status(), now, false,
                s.updatedAt(), s.version(), s.authorId()), post.body(), post.bodyHtml());
    }

    /**
     * The forms that publish a post now or at a time, or take it back to draft, on the version looked at; with what went
     * wrong, and whether that was the time typed.
     */
    static PublishingView publishing(PostSummary s, String csrf, String at, Optional<String> error, boolean atWrong, Instant now,
                                     ZoneId zone) {
        boolean ownDate = s.status() == Status.DRAFT && s.dated();
        boolean toCome = s.publishedAt().isAfter(now);
        // A draft dated ahead: "now" is now, and the schedule form holds its date, so "Publicera nu" does not drop it
        // without a word.
        Optional<String> says = !ownDate ? Optional.empty() : toCome
                // In plain words, the date first (not "Publicera nu publicerar det nu, inte …").
                ? Optional.of("Inlägget är daterat " + dateTime(s.publishedAt(), zone) + ". Väljer du Publicera nu publiceras det i dag."
                        + " Vill du vänta till dess, välj Schemalägg nedan (tiden är ifylld).")
                : Optional.of("Inlägget behåller sitt datum, " + date(s.publishedAt(), zone) + ". Ett annat datum väljer du nedan.");
        // Written as the hint and the writing form's date field write it (a text field: a browser's date-and-time field shows
        // its own language's format, AM/PM in an English browser, under a hint of 2026-12-24 15:00).
        // A scheduled post's field holds its time too, as its status names it.
        String shownAt = at.isEmpty() && toCome && (ownDate || s.status() == Status.PUBLISHED) ? WriteForm.siteTime(s.publishedAt(), zone) : at;
        return new PublishingView(postPath(s.slug()), csrf, s.version(), shownAt, error, atWrong, s.visibleAt(now), s.status() == Status.PUBLISHED,
                says);
    }

    static BylineView byline(Byline b) {
        // A name with no Latin letter or digit ("Ольга Петренко") has no slug, so no page: the rules refuse such a name
        // (PostRules), and one stored before is shown unlinked (BylineView.NO_PAGE), never linked to the front page.
        Link person = Facet.person(b.name()).map(f -> new Link(b.name(), f.path())).orElse(new Link(b.name(), BylineView.NO_PAGE));
        Optional<Link> office = b.office().map(o -> Facet.office(o).map(f -> new Link(o, f.path())).orElse(new Link(o, BylineView.NO_PAGE)));
        return new BylineView(person, b.role(), office);
    }

    static List<Link> categories(List<Tag> tags) {
        return tags.stream().map(t -> new Link(t.name(), Facet.category(t).path())).toList();
    }

    /**
     * Text in quotation marks that ends a sentence: ”…” and a full stop, but none after a quotation that ends in its own
     * mark (”Vad gäller?”, not ”Vad gäller?”.). Direction isolates around the text
     * are no part of its end.
     */
    static String quotedAtEnd(String text) {
        return "”" + text + "”" + (endsInItsOwnMark(text) ? "" : ".");
    }

    /**
     * Whether text ends in a mark that ends a sentence (. ! ? …), the direction controls after it aside: the isolate around it
     * and what closes an override typed after the mark (else "Vad?" and a U+202E, isolated, would be given a full stop
     * too).
     */
    static boolean endsInItsOwnMark(String text) {
        String shown = DirectionControls.withoutControls(text);
        return !shown.isEmpty() && ".!?…".indexOf(shown.charAt(shown.length() - 1)) >= 0;
    }

    static String postPath(String slug) {
        return "/posts/" + slug;
    }

    static String date(Instant instant, ZoneId zone) {
        return SwedishDates.date(instant, zone);
    }

    /** "Inlägg av …" of "inlägg av …": a phrase written within a sentence, as a title or a sentence starts it. */
    static String sentenceStart(String phrase) {
        return phrase.isEmpty() ? phrase : phrase.substring(0, phrase.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT)
                + phrase.substring(phrase.offsetByCodePoints(0, 1));
    }

    static String dateTime(Instant instant, ZoneId zone) {
        return SwedishDates.dateTime(instant, zone);
    }
}
