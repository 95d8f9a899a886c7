package se.inlagg.emulator.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** PutObject, GetObject, HeadObject, DeleteObject and DeleteObjects. */
final class ObjectOperations {

    private static final int MAX_BATCH_DELETE = 1000;

    private final Buckets buckets;
    private final long maxObjectSize;

    ObjectOperations(Buckets buckets, long maxObjectSize) {
        this.buckets = buckets;
        this.maxObjectSize = maxObjectSize;
    }

    Answer put(S3Request request) throws IOException {
        String bucket = request.bucket();
        String key = request.key();
        ObjectHeaders.checkKey(key);
        Map<String, String> metadata = request.userMetadata();
        ObjectHeaders.checkMetadata(metadata);
        Map<String, String> tags = Tags.fromHeader(request.header("x-amz-tagging"));
        String ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch != null && !ifNoneMatch.strip().equals("*")) {
            // S3's conditional writes take only "*" here: create, never overwrite.
            throw S3Error.notImplemented("If-None-Match");
        }
        String ifMatch = request.header("If-Match");
        buckets.requireBucket(bucket);
        UploadBody body = UploadBody.of(request, maxObjectSize);
        Staged staged = buckets.store().stage(body.stream(), maxObjectSize, body.algorithm());
        StoredObject object = new StoredObject(key, staged.blob(), staged.size(), staged.md5Hex(), wholeSeconds(buckets.now()),
                ObjectHeaders.contentType(request.header("Content-Type")), ObjectHeaders.kept(request::header), metadata, tags,
                body.checksum(staged));
        buckets.commit(bucket, object, staged, current -> {
            body.verify(staged);
            // Checked at commit, under the lock, as S3 checks them when the upload completes.
            if (ifNoneMatch != null && current != null) {
                throw S3Error.preconditionFailed("If-None-Match");
            }
            if (ifMatch != null) {
                if (current == null) {
                    throw S3Error.noSuchKey(key);
                }
                if (!Preconditions.etagMatches(ifMatch, current.etag())) {
                    throw S3Error.preconditionFailed("If-Match");
                }
            }
        });
        Answer answer = Answer.of(200).header("ETag", object.etag());
        if (object.checksum() != null) {
            answer.header(object.checksum().algorithm().header(), object.checksum().value());
        }
        return answer;
    }

    /** S3 keeps an object's time in whole seconds: the header and a listing show the same. */
    static long wholeSeconds(long millis) {
        return millis - Math.floorMod(millis, 1000L);
    }

    Answer get(S3Request request, boolean head) {
        record Found(StoredObject object, boolean notModified, InputStream bytes) {
        }
        Found found = buckets.reading(() -> {
            StoredObject o = buckets.bucket(request.bucket()).objects().get(request.key());
            if (o == null) {
                throw S3Error.noSuchKey(request.key());
            }
            boolean notModified = Preconditions.notModified(request, o);
            // Opened under the lock, so a concurrent overwrite cannot remove the bytes first.
            InputStream in = head || notModified ? null : buckets.store().open(request.bucket(), o);
            return new Found(o, notModified, in);
        });
        StoredObject o = found.object();
        if (found.notModified()) {
            return Answer.of(304).header("ETag", o.etag()).header("Last-Modified", Timestamps.http(o.lastModified()));
        }
        ByteRange range;
        try {
            range = ByteRange.parse(request.header("Range"), o.size());
        } catch (S3Error e) {
            close(found.bytes());
            throw e;
        }
        Answer answer = Answer.of(range == null ? 200 : 206);
        ObjectHeaders.write(answer, o, request);
        if (!head && !o.tags().isEmpty()) {
            answer.header("x-amz-tagging-count", Integer.toString(o.tags().size()));
        }
        if (range == null && o.checksum() != null && "ENABLED".equalsIgnoreCase(request.header("x-amz-checksum-mode"))) {
            answer.header(o.checksum().algorithm().header(), o.checksum().value()).header("x-amz-checksum-type", "FULL_OBJECT");
        }
        long length = range == null ? o.size() : range.length();
        if (range != null) {
            answer.header("Content-Range", range.contentRange(o.size()));
        }
        if (head) {
            return answer.lengthOnly(length);
        }
        InputStream in = found.bytes();
        try {
            if (range != null) {
                in.skipNBytes(range.first());
            }
        } catch (IOException e) {
            close(in);
            throw new UncheckedIOException(e);
        }
        return answer.stream(in, length);
    }

    private static void close(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // Only read from; nothing to report.
            }
        }
    }

    /** Deleting a key that is not there succeeds too, as in S3 (204 either way). */
    Answer delete(S3Request request) {
        buckets.writing(() -> {
            Bucket b = buckets.bucket(request.bucket());
            StoredObject gone = b.objects().get(request.key());
            if (gone != null) {
                buckets.store().delete(b.name(), gone);
                b.objects().remove(request.key());
            }
            return null;
        });
        return Answer.of(204);
    }

    Answer deleteMany(S3Request request) {
        buckets.requireBucket(request.bucket());
        XmlDocument doc = XmlDocument.parse(UploadBody.readSmall(request, true), "Delete");
        boolean quiet = "true".equalsIgnoreCase(XmlDocument.text(doc.root(), "Quiet"));
        List<String> keys = new ArrayList<>();
        for (Element object : XmlDocument.children(doc.root(), "Object")) {
            String key = XmlDocument.text(object, "Key");
            if (key == null) {
                throw S3Error.malformedXml();
            }
            keys.add(key);
        }
        if (keys.isEmpty() || keys.size() > MAX_BATCH_DELETE) {
            throw S3Error.malformedXml();
        }
        buckets.writing(() -> {
            Bucket b = buckets.bucket(request.bucket());
            for (String key : keys) {
                StoredObject gone = b.objects().get(key);
                if (gone != null) {
                    buckets.store().delete(b.name(), gone);
                    b.objects().remove(key);
                }
            }
            return null;
        });
        XmlWriter xml = new XmlWriter().open("DeleteResult");
        if (!quiet) {
            keys.forEach(k -> xml.open("Deleted").element("Key", k).close());
        }
        return Answer.xml(200, xml.close());
    }
}
