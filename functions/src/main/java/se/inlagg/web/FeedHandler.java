package se.inlagg.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.api.ApiRequest;
import se.inlagg.api.ApiResponse;
import se.inlagg.api.Wiring;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.Tag;

/** GET /feed.xml and GET /tags/{tag}/feed.xml: the newest posts as Atom, with their whole text. */
public final class FeedHandler extends PageHandler {

    static final int ENTRIES = 20;

    public FeedHandler() {
        this(Wiring.shared());
    }

    public FeedHandler(Wiring wiring) {
        super(wiring);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Optional<Tag> tag = Optional.empty();
        if (request.pathParameter("tag").isPresent()) {
            tag = wiring.posts().findTag(request.pathParameter("tag").get());
            if (tag.isEmpty()) {
                return errorPage(request, 404, "Det finns ingen sådan kategori.");
            }
        }
        String base = SiteUrls.base(request);
        String title = tag.map(t -> "Inlägg – " + t.name()).orElse("Inlägg");
        String page = tag.map(t -> base + "/tags/" + t.slug()).orElse(base + "/");
        String self = base + request.path();
        return switch (wiring.posts().latest(tag.map(Tag::slug), ENTRIES)) {
            case Outcome.Refused<List<Post>> r -> errorPage(request, 503, "");
            case Outcome.Done<List<Post>> d -> {
                String xml = AtomFeed.of(title, self, page, base, d.value(), wiring.posts().time().now());
                ApiResponse feed = new ApiResponse(200, Map.of("content-type", "application/atom+xml; charset=utf-8"), List.of(), xml);
                yield cached(request, secured(feed));
            }
        };
    }
}
