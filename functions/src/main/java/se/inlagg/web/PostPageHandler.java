package se.inlagg.web;

import java.util.List;
import java.util.Optional;
import se.inlagg.api.ApiRequest;
import se.inlagg.api.ApiResponse;
import se.inlagg.api.Wiring;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;

/** GET /posts/{slug}: one post; its author also sees it while it is a draft or scheduled. */
public final class PostPageHandler extends PageHandler {

    public PostPageHandler() {
        this(Wiring.shared());
    }

    public PostPageHandler(Wiring wiring) {
        super(wiring);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Optional<Viewer> viewer = viewer(request);
        String slug = request.pathParameter("slug").orElse("");
        return switch (wiring.posts().get(slug, viewer.map(Viewer::authorId))) {
            case Outcome.Refused<Post> r -> errorPage(request, 404, "Inlägget finns inte, eller har tagits bort.");
            case Outcome.Done<Post> d -> page(request, 200, d.value().summary().title(),
                    PostHtml.full(d.value(), wiring.posts().time().zone()), viewer,
                    List.of(new Layout.Feed("Alla inlägg", "/feed.xml")));
        };
    }
}
