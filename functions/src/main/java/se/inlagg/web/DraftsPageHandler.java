package se.inlagg.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Page;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Slugs;
import se.inlagg.web.templates.JtedraftsGenerated;

/**
 * GET /drafts, "Mina inlägg": the signed-in author's posts of every status (drafts, scheduled with
 * their time, published), the most recently changed first, a page at a time, each with links to
 * view, edit, preview and delete it and buttons to publish it or take it back to draft; or only the
 * drafts (?status=draft), or only those published or scheduled (?status=published), so a draft left
 * for years is not behind every post changed since. The path stays /drafts, so links and bookmarks to
 * it keep working.
 */
public final class DraftsPageHandler extends PageFunction {

    static final int PAGE_SIZE = 20;

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        if (viewer.isEmpty()) {
            return toSignIn(request);
        }
        Shown shown = Shown.of(request.strictQuery("status")).orElseThrow(() -> new ProblemException(Problems.malformed(
                "status must be draft or published", "Det finns ingen sådan lista. Välj " + Shown.choices() + " i Mina inlägg.")));
        Optional<String> cursor = request.strictQuery("cursor").filter(c -> !c.isBlank());
        var posts = app().posts();
        // A cursor too long to be one is refused by the store, as the reader's lists' are, not read as the first page.
        Page<PostSummary> page = switch (posts.authorPosts(viewer.get().authorId(), shown.status(), PAGE_SIZE, cursor)) {
            case Outcome.Refused<Page<PostSummary>> r -> throw new ProblemException(staleListLink());
            case Outcome.Done<Page<PostSummary>> d -> d.value();
        };
        List<PostSummary> items = cursor.isPresent() ? page.items()
                : request.query("post").filter(Slugs::isSlug).map(slug -> asNow(page.items(), slug, shown, viewer.get())).orElse(page.items());
        var now = posts.time().now();
        var zone = posts.time().zone();
        MyPostsView view = new MyPostsView(items.stream().map(s -> Views.row(s, now, zone)).toList(), Notice.of(request),
                page.nextCursor().map(shown::href), cursor.isPresent(), viewer.get().csrf(), shown);
        // Each list a title of its own: tabs, history, bookmarks and a screen reader tell them apart.
        Frame frame = Frame.unlisted(shown == Shown.ALL ? "Mina inlägg" : "Mina inlägg: " + shown.displayName(), viewer);
        return page(request, 200, frame, Templates.render(out -> JtedraftsGenerated.render(out, null, frame, view)));
    }

    /**
     * The first page as it is now for the one post just published, scheduled, taken back or deleted, which the address names:
     * the list is a GSI, which follows the table a moment behind, and would show that post as it was (a draft under "Inlägget
     * är publicerat") or not at all ("Du har inga inlägg ännu" under a first post's confirmation), or still list it deleted.
     * It is read by its key, as its own page reads it, and put first (the address names the change the author was just sent
     * here for; reloaded later, it stays first), or left out when it is gone, or no longer of the list's status (a draft
     * just published from "Utkast"). Another author's post is not shown.
     */
    private List<PostSummary> asNow(List<PostSummary> listed, String slug, Shown shown, Viewer viewer) {
        Optional<PostSummary> now = switch (app().posts().get(slug, Optional.of(viewer.authorId()))) {
            case Outcome.Done<Post> d -> Optional.of(d.value().summary()).filter(s -> s.authorId().equals(viewer.authorId()))
                    .filter(s -> shown.status().map(s.status()::equals).orElse(true));
            case Outcome.Refused<Post> r -> Optional.empty();
        };
        List<PostSummary> items = new ArrayList<>();
        now.ifPresent(items::add);
        listed.stream().filter(s -> !s.slug().equals(slug)).forEach(items::add);
        return items;
    }
}
