package se.inlagg.emulator.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * CopyObject: {@code PUT /<bucket>/<key>} with {@code x-amz-copy-source}. Metadata and tags come
 * from the source unless the request's directives say REPLACE; the bytes, their ETag and checksum
 * always do.
 */
final class CopyOperation {

    private final Buckets buckets;
    private final long maxObjectSize;

    CopyOperation(Buckets buckets, long maxObjectSize) {
        this.buckets = buckets;
        this.maxObjectSize = maxObjectSize;
    }

    Answer copy(S3Request request) throws IOException {
        String[] source = source(request.header("x-amz-copy-source"));
        String key = request.key();
        ObjectHeaders.checkKey(key);
        boolean replaceMetadata = directive(request, "x-amz-metadata-directive");
        boolean replaceTags = directive(request, "x-amz-tagging-directive");
        if (source[0].equals(request.bucket()) && source[1].equals(key) && !replaceMetadata) {
            throw S3Error.invalidRequest("This copy request is illegal because it is trying to copy an object to itself without "
                    + "changing the object's metadata, storage class, website redirect location or encryption attributes.");
        }
        Map<String, String> metadata = request.userMetadata();
        ObjectHeaders.checkMetadata(metadata);
        Map<String, String> tags = Tags.fromHeader(request.header("x-amz-tagging"));
        buckets.requireBucket(request.bucket());
        record Source(StoredObject object, InputStream bytes) {
        }
        Source src = buckets.reading(() -> {
            StoredObject o = buckets.bucket(source[0]).objects().get(source[1]);
            if (o == null) {
                throw S3Error.noSuchKey(source[1]);
            }
            Preconditions.copySource(request, o);
            return new Source(o, buckets.store().open(source[0], o));
        });
        StoredObject from = src.object();
        Staged staged;
        try (InputStream in = src.bytes()) {
            staged = buckets.store().stage(in, maxObjectSize, null);
        }
        StoredObject copy = new StoredObject(key, staged.blob(), staged.size(), staged.md5Hex(),
                ObjectOperations.wholeSeconds(buckets.now()),
                replaceMetadata ? ObjectHeaders.contentType(request.header("Content-Type")) : from.contentType(),
                replaceMetadata ? ObjectHeaders.kept(request::header) : from.headers(),
                replaceMetadata ? metadata : from.metadata(),
                replaceTags ? tags : from.tags(),
                from.checksum());
        buckets.commit(request.bucket(), copy, staged, current -> { });
        return Answer.xml(200, new XmlWriter().open("CopyObjectResult")
                .element("LastModified", Timestamps.xml(copy.lastModified())).element("ETag", copy.etag()).close());
    }

    /** {@code bucket/key} or {@code /bucket/key}, percent-encoded, perhaps with {@code ?versionId=}. */
    private static String[] source(String header) {
        String value = header.strip();
        int query = value.indexOf('?');
        if (query >= 0) {
            value = value.substring(0, query);
        }
        value = PercentEncoding.decodePath(value.startsWith("/") ? value.substring(1) : value);
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            throw S3Error.invalidArgument("Invalid copy source object key", "x-amz-copy-source", header);
        }
        return new String[] {value.substring(0, slash), value.substring(slash + 1)};
    }

    private static boolean directive(S3Request request, String header) {
        String value = request.header(header);
        if (value == null || value.equals("COPY")) {
            return false;
        }
        if (value.equals("REPLACE")) {
            return true;
        }
        throw S3Error.invalidArgument("Unknown " + (header.contains("tagging") ? "tagging" : "metadata") + " directive.", header, value);
    }
}
