package se.inlagg.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.ListQuery;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Page;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostVersion;
import se.inlagg.posts.SiteTime;

/**
 * GET /api/posts/{slug}/versions: the calling author's post's earlier versions, the newest first, a page at a time
 * (?limit, ?cursor); GET /api/posts/{slug}/versions/{version}: one of them whole, in a post's shape with when it was
 * replaced. Each edit (PATCH, or the edit form's save) keeps the post as it was; to take one back, PATCH the post
 * with its fields.
 */
public final class PostVersionsHandler extends PostApiFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String authorId = request.requiredAuthorId();
        Optional<String> number = request.pathParameter("version");
        if (number.isPresent()) {
            // A number the post cannot have had (0, "x") is a version it does not have, as one it had and no longer keeps is.
            long n = PostVersion.numberOf(number.get()).orElse(0);
            return answer(own(request, authorId), post -> answer(app().posts().version(post, n), version -> HttpResponse.json(200, whole(version))
                    .withHeader("cache-control", Caching.PRIVATE)));
        }
        List<FieldError> errors = new ArrayList<>();
        int limit = ListParams.limit(request.strictQuery("limit"), PostVersion.PAGE, ListQuery.MAX_LIMIT, errors);
        Optional<String> cursor = request.strictQuery("cursor").filter(c -> !c.isEmpty());
        OptionalLong before = cursor.map(PostVersion::numberOf).orElse(OptionalLong.empty());
        if (cursor.isPresent() && before.isEmpty()) {
            errors.add(new FieldError("cursor", "is not a cursor of this list; start again without it"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }
        return answer(own(request, authorId), post -> HttpResponse.json(200, page(app().posts().versions(post, before, limit)))
                .withHeader("cache-control", Caching.PRIVATE));
    }

    private Outcome<Post> own(HttpRequest request, String authorId) {
        return app().posts().getToReadVersions(slug(request), authorId);
    }

    private static Map<String, Object> page(Page<PostVersion> page) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("items", page.items().stream().map(v -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("version", v.number());
            item.put("title", v.post().summary().title());
            item.put("savedAt", SiteTime.format(v.savedAt()));
            item.put("replacedAt", SiteTime.format(v.replacedAt()));
            return item;
        }).toList());
        node.put("nextCursor", page.nextCursor().orElse(null));
        return node;
    }

    private static Map<String, Object> whole(PostVersion version) {
        Map<String, Object> node = PostJson.post(version.post());
        node.put("replacedAt", SiteTime.format(version.replacedAt()));
        return node;
    }
}
