package se.inlagg.search;

import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The bucket's objects through an S3 client a caller made (tests and tools that record or redirect its calls). */
final class ClientBucketObjects implements BucketObjects {

    private final S3Client s3;
    private final String bucket;

    ClientBucketObjects(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Answer get(String key, Optional<String> ifNoneMatch) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(r -> {
                r.bucket(bucket).key(key);
                ifNoneMatch.ifPresent(r::ifNoneMatch);
            });
            return new Answer(Answer.OK, object.asByteArray(), object.response().eTag());
        } catch (NoSuchKeyException e) {
            return Answer.notFound();
        } catch (S3Exception e) {
            if (e.statusCode() == Answer.NOT_MODIFIED) {
                return Answer.notModified();
            }
            throw e;
        }
    }

    @Override
    public Optional<String> put(String key, byte[] bytes, String contentType, Condition condition) {
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType);
        switch (condition) {
            case Condition.Any any -> { }
            case Condition.Absent absent -> put.ifNoneMatch("*");
            case Condition.Matching m -> put.ifMatch(m.etag());
        }
        try {
            return Optional.of(s3.putObject(put.build(), RequestBody.fromBytes(bytes)).eTag());
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
            if (condition.refusedBy(e.statusCode(), code)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }
}
