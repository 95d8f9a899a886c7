package se.inlagg.web;

import java.util.Optional;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.Status;
import se.inlagg.web.templates.JtepreviewGenerated;

/**
 * GET /posts/{slug}/preview: the author's post rendered by the readers' own page template, with a
 * bar above it that says it is a preview and offers to publish it now or at a time. Never indexed,
 * never stored by any cache: it may show what readers must not see yet.
 */
public final class PreviewPageHandler extends PostAuthorPage {

    static final String NOTICE = "Förhandsgranskning – så här kommer inlägget att se ut för läsarna.";

    public PreviewPageHandler() {
        super("GET", "preview");
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        if (viewer.isEmpty()) {
            return toSignIn(request);
        }
        String slug = slug(request);
        Post post = ownPost(slug, viewer.get());
        var time = app().posts().time();
        var now = time.now();
        PostView read = Views.post(Views.asPublishedNow(post, now), time.zone(), now);
        // Saved from the edit form on the way here: said, and said to be live already when readers see the post (else the
        // preview of a published post reads as a check before going live, though the change is live).
        // Saved as a new draft from the writing form (?done=drafted): said as on the post, and only if the post is so.
        Optional<Notice> saved = request.query("done").filter("saved"::equals).map(d -> new Notice(post.summary().visibleAt(now)
                ? "Ändringarna är sparade och syns redan för läsarna." : "Ändringarna är sparade.", Optional.empty()))
                .or(() -> post.summary().status() == Status.DRAFT ? Notice.onPost(request, post.summary(), now) : Optional.empty());
        PostView view = new PostView(read.title(), read.datetime(), read.date(), read.byline(), read.categories(), read.figure(),
                read.bodyHtml(), Optional.of(NOTICE + read.notice().map(n -> " " + n).orElse("")), read.newer(), read.older(), read.related(), Optional.empty(),
                Optional.empty());
        Views.StatusLabel label = Views.status(post.summary(), now, time.zone());
        PreviewView bar = new PreviewView(saved, Views.postPath(post.slug()), label.text(), label.cssClass(), post.summary().visibleAt(now),
                Views.publishing(post.summary(), viewer.get().csrf(), "", Optional.empty(), false, now, app().posts().time().zone()));
        Frame frame = Frame.unlisted("Förhandsgranskning: " + post.summary().title(), viewer);
        return page(request, 200, frame, Templates.render(out -> JtepreviewGenerated.render(out, null, frame, view, bar)))
                .withHeader("cache-control", Caching.NO_STORE);
    }
}
