package se.inlagg.search;

import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** A GET through an S3 client a caller made (tests and tools that record or redirect its calls). */
final class ClientObjectGet implements ObjectGet {

    private final S3Client s3;
    private final String bucket;

    ClientObjectGet(S3Client s3, String bucket) {
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
}
