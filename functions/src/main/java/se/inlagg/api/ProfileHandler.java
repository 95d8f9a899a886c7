package se.inlagg.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Byline;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.Refusal;

/**
 * GET and PUT /api/me: the calling author's profile (name, role, office), which the pages put in the
 * byline of every new post. PUT replaces it whole; a missing or null role or office removes it.
 */
public final class ProfileHandler extends ApiFunction {

    private static final Set<String> FIELDS = Set.of("name", "role", "office");

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String authorId = request.requiredAuthorId();
        var authors = app().authors();
        if (request.method().equals("PUT")) {
            Map<String, Object> body = jsonObject(request);
            JsonFields fields = new JsonFields();
            fields.known(body, FIELDS, "");
            Optional<String> name = fields.text(body, "name");
            Optional<String> role = fields.text(body, "role");
            Optional<String> office = fields.text(body, "office");
            Outcome<Byline> checked = PostRules.checkByline(name, role, office);
            if (checked instanceof Outcome.Refused<Byline> r) {
                // The rules name a post's author fields ("author.name"); here they are the profile's own. Told with the
                // types that were wrong, as a post's are ({"role": 5, "name": ""} names both).
                fields.addUnnamed(((Refusal.Invalid) r.refusal()).errors().stream()
                        .map(e -> new FieldError(e.field().replace("author.", ""), e.message())).toList());
            }
            fields.failIfAny();
            Byline profile = ((Outcome.Done<Byline>) checked).value();
            if (!authors.saveProfile(authorId, profile, app().posts().time().now())) {
                throw new ProblemException(Problems.forbidden("The author of this token no longer exists.", "Skribenten finns inte längre."));
            }
            return json(profile);
        }
        return json(authors.profile(authorId).orElseThrow(() -> new ProblemException(
                Problems.forbidden("The author of this token no longer exists.", "Skribenten finns inte längre."))));
    }

    private static HttpResponse json(Byline profile) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", profile.name());
        profile.role().ifPresent(r -> node.put("role", r));
        profile.office().ifPresent(o -> node.put("office", o));
        return HttpResponse.json(200, node).withHeader("cache-control", Caching.PRIVATE);
    }
}
