package se.inlagg.emulator.s3;

import java.util.regex.Pattern;

/** ListBuckets, CreateBucket, HeadBucket, GetBucketLocation and DeleteBucket (empty buckets only). */
final class BucketOperations {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    private static final String DEFAULT_REGION = "us-east-1";
    /** One owner for everything: the emulator has no accounts. */
    private static final String OWNER_ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";

    private final Buckets buckets;

    BucketOperations(Buckets buckets) {
        this.buckets = buckets;
    }

    Answer list() {
        XmlWriter xml = new XmlWriter().open("ListAllMyBucketsResult")
                .open("Owner").element("ID", OWNER_ID).element("DisplayName", "local").close()
                .open("Buckets");
        buckets.reading(() -> {
            for (Bucket b : buckets.all()) {
                xml.open("Bucket").element("Name", b.name()).element("CreationDate", Timestamps.xml(b.created()))
                        .element("BucketRegion", b.region()).close();
            }
            return null;
        });
        return Answer.xml(200, xml.close().close());
    }

    Answer create(S3Request request) {
        String name = request.bucket();
        if (!validName(name)) {
            throw new S3Error(400, "InvalidBucketName", "The specified bucket is not valid.").with("BucketName", name);
        }
        String region = region(request);
        buckets.writing(() -> {
            if (buckets.exists(name)) {
                throw new S3Error(409, "BucketAlreadyOwnedByYou",
                        "Your previous request to create the named bucket succeeded and you already own it.").with("BucketName", name);
            }
            Bucket bucket = new Bucket(name, ObjectOperations.wholeSeconds(buckets.now()), region);
            buckets.store().createBucket(bucket);
            buckets.add(bucket);
            return null;
        });
        return Answer.of(200).header("Location", "/" + name);
    }

    /** The LocationConstraint of a CreateBucketConfiguration body, or us-east-1 when there is none. */
    private static String region(S3Request request) {
        byte[] body = UploadBody.readSmall(request, false);
        if (body.length == 0) {
            return DEFAULT_REGION;
        }
        String constraint = XmlDocument.text(XmlDocument.parse(body, "CreateBucketConfiguration").root(), "LocationConstraint");
        return constraint == null || constraint.isBlank() ? DEFAULT_REGION : constraint.strip();
    }

    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..") && !IP_ADDRESS.matcher(name).matches()
                && !name.startsWith("xn--") && !name.endsWith("-s3alias");
    }

    Answer head(S3Request request) {
        Bucket b = buckets.reading(() -> buckets.bucket(request.bucket()));
        return Answer.of(200).header("x-amz-bucket-region", b.region());
    }

    Answer location(S3Request request) {
        Bucket b = buckets.reading(() -> buckets.bucket(request.bucket()));
        // us-east-1 is written as an empty constraint, for historical reasons.
        String constraint = b.region().equals(DEFAULT_REGION) ? null : b.region();
        return Answer.xml(200, new XmlWriter().open("LocationConstraint").text(constraint).close());
    }

    Answer delete(S3Request request) {
        buckets.writing(() -> {
            Bucket b = buckets.bucket(request.bucket());
            if (!b.objects().isEmpty()) {
                throw new S3Error(409, "BucketNotEmpty", "The bucket you tried to delete is not empty").with("BucketName", b.name());
            }
            buckets.store().deleteBucket(b.name());
            buckets.remove(b.name());
            return null;
        });
        return Answer.of(204);
    }
}
