package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A picture's way in, as a browser without JavaScript takes it: the upload page's form, the file
 * posted straight to the bucket, the bucket's redirect back to the site; and a look into the bucket
 * itself, to see what is left there.
 */
final class PictureUploads {

    /** The upload form of a page: where it posts and its signed fields, in order. */
    record Form(URI url, Map<String, String> fields) {
        String key() {
            return fields.get("key");
        }
    }

    private final Http http;
    private final LocalBucket bucket;

    PictureUploads(ServerExtension env) {
        this.http = env.http;
        this.bucket = env.server.bucket();
    }

    static Form form(String html) {
        Matcher action = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\" enctype=\"multipart/form-data\"").matcher(html);
        assertTrue(action.find(), "no upload form in the page: " + html);
        Map<String, String> fields = new LinkedHashMap<>();
        String form = html.substring(action.start(), html.indexOf("</form>", action.start()));
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(form);
        while (hidden.find()) {
            fields.put(hidden.group(1), AuthorBrowser.unescape(hidden.group(2)));
        }
        return new Form(URI.create(AuthorBrowser.unescape(action.group(1))), fields);
    }

    Form form(AuthorBrowser author, String slug) {
        var page = author.get("/posts/" + slug + "/image");
        assertEquals(200, page.status(), page.body());
        return form(page.body());
    }

    /** The file posted to the bucket as the browser posts it; the bucket's own answer. */
    Http.Reply send(Form form, String filename, String type, byte[] file) {
        return http.multipart(form.url(), form.fields(), filename, type, file);
    }

    /** Where the bucket sent the browser, followed as the author: the site's page about the upload. */
    Http.Reply back(AuthorBrowser author, Http.Reply fromBucket) {
        assertEquals(303, fromBucket.status(), "the bucket took the file: " + fromBucket.body());
        URI location = URI.create(fromBucket.header("location"));
        assertEquals(http.base().getAuthority(), location.getAuthority(), "back to the site itself");
        return author.get(location.getRawPath() + "?" + location.getRawQuery());
    }

    /** Upload and back: the page that asks for the alt text (or says what was wrong). */
    Http.Reply upload(AuthorBrowser author, String slug, String filename, String type, byte[] file) {
        return back(author, send(form(author, slug), filename, type, file));
    }

    /** Every key in the bucket now: other tests share it, so each looks only at what it added. */
    Set<String> snapshot() {
        return Set.copyOf(keys(""));
    }

    /** The keys under the prefix that were not there at the snapshot. */
    List<String> added(Set<String> snapshot, String prefix) {
        return keys(prefix).stream().filter(k -> !snapshot.contains(k)).sorted().toList();
    }

    List<String> keys(String prefix) {
        try (S3Client s3 = bucket.client()) {
            return s3.listObjectsV2(r -> r.bucket(bucket.name()).prefix(prefix)).contents().stream().map(S3Object::key).toList();
        }
    }

    Map<String, String> tags(String key) {
        try (S3Client s3 = bucket.client()) {
            Map<String, String> tags = new LinkedHashMap<>();
            s3.getObjectTagging(r -> r.bucket(bucket.name()).key(key)).tagSet().forEach(t -> tags.put(t.key(), t.value()));
            return tags;
        }
    }
}
