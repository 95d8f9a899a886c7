package se.inlagg.web;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import se.inlagg.posts.Byline;
import se.inlagg.posts.Markdown;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Status;
import se.inlagg.posts.Tag;

/** Posts as HTML: a summary in a list, and the whole post on its own page. */
final class PostHtml {

    private PostHtml() {
    }

    static String summary(PostSummary s, ZoneId zone) {
        return """
                <article class="summary">
                <h2><a href="%s">%s</a></h2>
                <p class="meta">%s · %s</p>
                <p>%s</p>
                %s</article>
                """.formatted(Html.slugPath("/posts/", s.slug()), Html.text(s.title()), Html.time(s.publishedAt(), zone),
                byline(s.author()), Html.text(s.excerpt()), categories(s.tags()));
    }

    static String full(Post post, ZoneId zone) {
        PostSummary s = post.summary();
        String figure = s.image().map(i -> """
                <figure>
                <img src="%s" alt="%s">
                %s</figure>
                """.formatted(Html.text(i.url()), Html.text(i.alt()),
                i.caption().map(c -> "<figcaption>" + Html.text(c) + "</figcaption>\n").orElse(""))).orElse("");
        String draft = s.status() == Status.DRAFT ? "<p class=\"notice\">Utkast – syns bara för dig.</p>\n" : "";
        return """
                <article class="post">
                <header>
                <h1>%s</h1>
                %s<p class="meta">%s · %s</p>
                %s</header>
                %s<div class="body">
                %s</div>
                </article>
                """.formatted(Html.text(s.title()), draft, Html.time(s.publishedAt(), zone), byline(s.author()),
                categories(s.tags()), figure, Markdown.toHtml(post.body()));
    }

    /** "Åsa Öberg, Frivårdsinspektör, Frivården Malmö" */
    static String byline(Byline b) {
        StringBuilder out = new StringBuilder("<span class=\"byline\">").append(Html.text(b.name()));
        b.role().ifPresent(r -> out.append(", ").append(Html.text(r)));
        b.office().ifPresent(o -> out.append(", ").append(Html.text(o)));
        return out.append("</span>").toString();
    }

    static String categories(List<Tag> tags) {
        if (tags.isEmpty()) {
            return "";
        }
        return "<ul class=\"categories\" aria-label=\"Kategorier\">"
                + tags.stream().map(t -> "<li><a href=\"" + Html.slugPath("/tags/", t.slug()) + "\">" + Html.text(t.name()) + "</a></li>")
                        .collect(Collectors.joining())
                + "</ul>\n";
    }
}
