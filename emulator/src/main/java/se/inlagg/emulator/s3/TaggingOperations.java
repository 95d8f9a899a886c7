package se.inlagg.emulator.s3;

import java.util.Map;

/** PutObjectTagging, GetObjectTagging and DeleteObjectTagging: the tags change, the bytes and the ETag do not. */
final class TaggingOperations {

    private final Buckets buckets;

    TaggingOperations(Buckets buckets) {
        this.buckets = buckets;
    }

    Answer put(S3Request request) {
        Map<String, String> tags = Tags.fromXml(UploadBody.readSmall(request, false));
        replace(request, tags);
        return Answer.of(200);
    }

    Answer get(S3Request request) {
        StoredObject o = buckets.reading(() -> existing(request));
        return Answer.xml(200, Tags.xml(o.tags()));
    }

    Answer delete(S3Request request) {
        replace(request, Map.of());
        return Answer.of(204);
    }

    private void replace(S3Request request, Map<String, String> tags) {
        buckets.writing(() -> {
            StoredObject tagged = existing(request).withTags(tags);
            buckets.store().update(request.bucket(), tagged);
            buckets.bucket(request.bucket()).objects().put(tagged.key(), tagged);
            return null;
        });
    }

    private StoredObject existing(S3Request request) {
        StoredObject o = buckets.bucket(request.bucket()).objects().get(request.key());
        if (o == null) {
            throw S3Error.noSuchKey(request.key());
        }
        return o;
    }
}
