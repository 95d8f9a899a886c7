package se.inlagg.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;

/**
 * GET /images/{name}: a post's own picture at the site's own address. In AWS a CloudFront behaviour
 * serves /images/* from the bucket and this never runs; without one (and on the local server, which
 * routes by template.yaml) it answers with a redirect to a short-lived presigned address of the file.
 * It does not send the bytes itself: a Lambda response holds at most 6 MB, and pictures may be 10 MB.
 */
public final class ImageHandler extends PageFunction {

    /** Shorter than the presigned address lives, so a cached redirect never points at an expired one. */
    static final String CACHE = "public, max-age=300, s-maxage=300";

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String name = request.pathParameter("name").orElse("");
        Optional<URI> url = app().images().flatMap(images -> images.pictureUrl(name));
        if (url.isEmpty()) {
            throw new ProblemException(Problems.routeNotFound());
        }
        return HttpResponse.empty(302).withHeader("location", url.get().toString()).withHeader("cache-control", CACHE);
    }

    @Override
    protected Optional<Viewer> viewer(HttpRequest request) {
        // Reads no session: a picture is the same for everyone, and this function may not read the table.
        return Optional.empty();
    }

    /**
     * Before a SnapStart snapshot, the address of a made-up picture: presigning is work in memory (no call
     * to S3), and it loads the S3 presigner and the signer, which a restored copy's first request would
     * otherwise load (docs/PERFORMANCE.md).
     */
    @Override
    protected List<HttpRequest> primingRequests() {
        String name = "a".repeat(26) + ".png";
        return List.of(primingRequest("GET", "GET /images/{name}", "/images/" + name).pathParameter("name", name).build());
    }

    /** Nothing in the table to prime: the function is granted only the pictures bucket. */
    @Override
    protected boolean readsTable() {
        return false;
    }
}
