package se.inlagg.web;

import java.util.List;
import java.util.Optional;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Page;
import se.inlagg.posts.PostSummary;
import se.inlagg.web.templates.JtedraftsGenerated;

/**
 * GET /drafts, "Mina inlägg": the signed-in author's posts of every status (drafts, scheduled with
 * their time, published), the most recently changed first, a page at a time, each with links to
 * view, edit, preview and delete it and buttons to publish it or take it back to draft. The path
 * stays /drafts, so links and bookmarks to it keep working.
 */
public final class DraftsPageHandler extends PageFunction {

    static final int PAGE_SIZE = 20;

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        if (viewer.isEmpty()) {
            return toSignIn(request);
        }
        Optional<String> cursor = request.strictQuery("cursor").filter(c -> !c.isBlank());
        var posts = app().posts();
        // A cursor too long to be one is refused by the store, as the reader's lists' are, not read as the first page.
        Page<PostSummary> page = switch (posts.authorPosts(viewer.get().authorId(), PAGE_SIZE, cursor)) {
            case Outcome.Refused<Page<PostSummary>> r -> throw new ProblemException(staleListLink());
            case Outcome.Done<Page<PostSummary>> d -> d.value();
        };
        var now = posts.time().now();
        var zone = posts.time().zone();
        MyPostsView view = new MyPostsView(page.items().stream().map(s -> Views.row(s, now, zone)).toList(), Notice.of(request),
                page.nextCursor().map(c -> "/drafts?cursor=" + c), cursor.isPresent(), viewer.get().csrf());
        Frame frame = Frame.unlisted("Mina inlägg", viewer);
        return page(request, 200, frame, Templates.render(out -> JtedraftsGenerated.render(out, null, frame, view)));
    }
}
