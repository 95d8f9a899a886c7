package se.inlagg.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.images.ImageService;
import se.inlagg.images.UploadForm;
import se.inlagg.images.UploadPolicy;
import se.inlagg.posts.SiteTime;

/**
 * POST /api/posts/{slug}/image/upload-url: a presigned POST for one picture of the caller's own
 * post. The client posts the fields, then the file, as multipart/form-data to the url; S3 answers
 * 204, and POST /api/posts/{slug}/image with the key puts it on the post.
 */
public final class UploadUrlHandler extends PostApiFunction {

    /** Asked again, it signs another address: nothing is saved. */
    @Override
    protected boolean safeToSendAgain(HttpRequest request) {
        return true;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String authorId = request.requiredAuthorId();
        // The post first: a post that is not there (or not the caller's) says so, bucket or none.
        return answer(app().posts().getToChange(slug(request), authorId), post -> {
            ImageService images = images();
            UploadForm form = images.uploadForm(authorId, Optional.empty(), app().posts().time().now());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("url", form.url());
            body.put("fields", form.fields());
            body.put("key", form.key());
            body.put("expiresAt", SiteTime.format(form.expiresAt()));
            body.put("maxBytes", UploadPolicy.MAX_BYTES);
            return HttpResponse.json(200, body).withHeader("cache-control", Caching.NO_STORE);
        });
    }
}
