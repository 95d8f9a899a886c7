package se.inlagg.local;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import se.inlagg.images.BucketSettings;
import se.inlagg.images.S3ImageBucket;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.TaggingDirective;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * S3 clients that note every IAM action their calls need, beside a function's DynamoDB actions, so
 * one test holds its S3 policy to what its code does. The pictures bucket by key prefix
 * ("s3:GetObject on images-bucket/uploads/*"), presigned addresses and signed upload forms included:
 * a presigned GET is allowed only if its signer may GetObject, and a browser's upload only if the
 * form's signer may PutObject (and PutObjectTagging, for the tag the form sets). The search index's
 * bucket as a whole ("search-bucket/search/*"), where a read also needs s3:ListBucket: without it S3
 * answers a missing key (no index yet) with 403 instead of 404, and the code relies on the 404.
 */
final class RecordingS3 {

    final Set<RecordingDynamo.Grant> used = ConcurrentHashMap.newKeySet();

    /** A bucket on the server's S3 endpoint whose every call and signature is recorded. */
    S3ImageBucket bucket(LocalBucket local) {
        S3Client client = record(S3Client.class, local.client());
        S3Presigner presigner = record(S3Presigner.class, S3Presigner.builder().endpointOverride(local.endpoint())
                .region(Region.of(LocalDynamo.REGION))
                .credentialsProvider(() -> AwsBasicCredentials.create("local", "local"))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build());
        AwsCredentialsProvider signer = () -> {
            used.add(grant("s3:PutObject", "uploads/"));
            used.add(grant("s3:PutObjectTagging", "uploads/"));
            return AwsBasicCredentials.create("local", "local");
        };
        var parts = new S3ImageBucket.Parts(client, presigner, signer, Region.of(LocalDynamo.REGION));
        return new S3ImageBucket(new BucketSettings(local.name(), Optional.of(local.endpoint())), parts);
    }

    /** A client on the search index's bucket whose every call is recorded. */
    S3Client searchIndex(S3Client real) {
        return Intercepted.of(S3Client.class, real).beforeEvery(call -> noteSearch(call.operation())).client();
    }

    private void noteSearch(String method) {
        if (method.startsWith("getObject")) {
            used.add(new RecordingDynamo.Grant("s3:GetObject", "search-bucket/search/*"));
            used.add(new RecordingDynamo.Grant("s3:ListBucket", "search-bucket"));
        } else if (method.startsWith("putObject")) {
            used.add(new RecordingDynamo.Grant("s3:PutObject", "search-bucket/search/*"));
        } else if (method.startsWith("deleteObject")) {
            used.add(new RecordingDynamo.Grant("s3:DeleteObject", "search-bucket/search/*"));
        } else if (!Set.of("close", "serviceName", "serviceClientConfiguration", "toString", "hashCode", "equals").contains(method)) {
            used.add(new RecordingDynamo.Grant("s3:" + Character.toUpperCase(method.charAt(0)) + method.substring(1), "search-bucket"));
        }
    }

    private <T> T record(Class<T> type, T real) {
        return Intercepted.of(type, real).beforeEvery(call -> note(call.request())).client();
    }

    private void note(Object request) {
        switch (request) {
            case GetObjectRequest r -> used.add(grant("s3:GetObject", r.key()));
            case CopyObjectRequest r -> {
                used.add(grant("s3:GetObject", r.sourceKey()));
                used.add(grant("s3:PutObject", r.destinationKey()));
                if (r.taggingDirective() == TaggingDirective.REPLACE && r.tagging() != null) {
                    used.add(grant("s3:PutObjectTagging", r.destinationKey()));
                }
            }
            case DeleteObjectRequest r -> used.add(grant("s3:DeleteObject", r.key()));
            case PutObjectTaggingRequest r -> used.add(grant("s3:PutObjectTagging", r.key()));
            case DeleteObjectTaggingRequest r -> used.add(grant("s3:DeleteObjectTagging", r.key()));
            case GetObjectPresignRequest r -> used.add(grant("s3:GetObject", r.getObjectRequest().key()));
            case null, default -> { }
        }
    }

    /** "images-bucket/uploads/*" or "images-bucket/images/*": the prefixes the template grants on. */
    static RecordingDynamo.Grant grant(String action, String key) {
        String prefix = key.substring(0, key.indexOf('/') + 1);
        return new RecordingDynamo.Grant(action, "images-bucket/" + prefix + "*");
    }
}
