package se.inlagg.emulator.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Picks the operation from the method, the path (service, bucket or object) and the subresource
 * in the query ({@code ?tagging}, {@code ?cors}, …), as S3 does for path-style requests. Anything
 * S3 has that this emulator does not is 501 NotImplemented, never a silent wrong answer.
 */
final class Router {

    /** Subresources this emulator does not have; a request naming one is refused instead of mistaken for another operation. */
    private static final List<String> UNSUPPORTED = List.of("acl", "policy", "versioning", "versions", "uploads", "uploadId",
            "website", "logging", "notification", "replication", "encryption", "object-lock", "retention", "legal-hold",
            "restore", "select", "attributes", "accelerate", "analytics", "inventory", "metrics", "ownershipControls",
            "publicAccessBlock", "requestPayment", "intelligent-tiering", "torrent", "partNumber");

    private final BucketOperations bucketOperations;
    private final BucketConfigurations configurations;
    private final ObjectOperations objects;
    private final CopyOperation copies;
    private final TaggingOperations tagging;
    private final Listing listing;
    private final PostObject posts;
    private final Cors cors;

    Router(Buckets buckets, long maxObjectSize, PostObject posts) {
        this.bucketOperations = new BucketOperations(buckets);
        this.configurations = new BucketConfigurations(buckets);
        this.objects = new ObjectOperations(buckets, maxObjectSize);
        this.copies = new CopyOperation(buckets, maxObjectSize);
        this.tagging = new TaggingOperations(buckets);
        this.listing = new Listing(buckets);
        this.posts = posts;
        this.cors = new Cors(buckets);
    }

    Cors cors() {
        return cors;
    }

    Answer route(S3Request r) {
        try {
            if ("OPTIONS".equals(r.method())) {
                return cors.preflight(r);
            }
            for (String subresource : UNSUPPORTED) {
                if (r.has(subresource)) {
                    throw new S3Error(501, "NotImplemented", "The embedded S3 does not implement ?" + subresource);
                }
            }
            if (r.bucket() == null) {
                return service(r);
            }
            return r.key() == null ? bucket(r) : object(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer service(S3Request r) {
        if (r.method().equals("GET")) {
            return bucketOperations.list();
        }
        throw methodNotAllowed(r);
    }

    private Answer bucket(S3Request r) throws IOException {
        return switch (r.method()) {
            case "PUT" -> r.has("cors") ? configurations.putCors(r)
                    : r.has("lifecycle") ? configurations.putLifecycle(r)
                    : r.has("tagging") ? throwNotImplemented("bucket tagging")
                    : bucketOperations.create(r);
            case "GET" -> r.has("cors") ? configurations.getCors(r)
                    : r.has("lifecycle") ? configurations.getLifecycle(r)
                    : r.has("location") ? bucketOperations.location(r)
                    : r.has("tagging") ? throwNotImplemented("bucket tagging")
                    : "2".equals(r.query("list-type")) ? listing.listV2(r)
                    : throwNotImplemented("ListObjects (version 1); use ListObjectsV2");
            case "HEAD" -> bucketOperations.head(r);
            case "DELETE" -> r.has("cors") ? configurations.deleteCors(r)
                    : r.has("lifecycle") ? configurations.deleteLifecycle(r)
                    : bucketOperations.delete(r);
            case "POST" -> r.has("delete") ? objects.deleteMany(r) : posts.post(r);
            default -> throw methodNotAllowed(r);
        };
    }

    private Answer object(S3Request r) throws IOException {
        return switch (r.method()) {
            case "PUT" -> r.has("tagging") ? tagging.put(r)
                    : r.header("x-amz-copy-source") != null ? copies.copy(r)
                    : objects.put(r);
            case "GET" -> r.has("tagging") ? tagging.get(r) : objects.get(r, false);
            case "HEAD" -> objects.get(r, true);
            case "DELETE" -> r.has("tagging") ? tagging.delete(r) : objects.delete(r);
            default -> throw methodNotAllowed(r);
        };
    }

    private static Answer throwNotImplemented(String what) {
        throw new S3Error(501, "NotImplemented", "The embedded S3 does not implement " + what);
    }

    private static S3Error methodNotAllowed(S3Request r) {
        return new S3Error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.")
                .with("Method", r.method()).with("ResourceType", r.key() != null ? "OBJECT" : r.bucket() != null ? "BUCKET" : "SERVICE");
    }
}
