package se.inlagg.emulator.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A browser upload: {@code POST /<bucket>} with a multipart/form-data body whose fields carry the
 * key, a policy and its SigV4 signature, and whose last part is the file. The fields before the
 * file are read and checked (signature, expiration, every condition, no field left uncovered)
 * before a byte of the file is taken; the file then streams to staging, stopped as soon as it
 * passes the policy's content-length-range or the emulator's maximum. Fields after the file are
 * ignored, as S3 ignores them.
 */
final class PostObject {

    /** S3's limit on the form fields before the file. */
    private static final int MAX_FIELDS_BYTES = 20 * 1024;
    /** Room for the multipart framing around the fields and the file, when judging a Content-Length early. */
    private static final int FRAMING_ALLOWANCE = 64 * 1024;
    private static final Set<String> SUCCESS_STATUSES = Set.of("200", "201", "204");

    private final Buckets buckets;
    private final PostSignature signature;
    private final long maxObjectSize;

    PostObject(Buckets buckets, PostSignature signature, long maxObjectSize) {
        this.buckets = buckets;
        this.signature = signature;
        this.maxObjectSize = maxObjectSize;
    }

    Answer post(S3Request request) throws IOException {
        String bucket = request.bucket();
        buckets.requireBucket(bucket);
        String boundary = MultipartReader.boundary(request.header("Content-Type"));
        if (boundary == null) {
            throw S3Error.preconditionFailed("Bucket POST must be of the enclosure-type multipart/form-data");
        }
        long declared = request.contentLength();
        if (declared > maxObjectSize + MAX_FIELDS_BYTES + FRAMING_ALLOWANCE) {
            // Refused before the body is read: a client that waits for 100-continue sends nothing more.
            throw S3Error.entityTooLarge(declared, maxObjectSize);
        }
        MultipartReader form = new MultipartReader(request.body(), boundary);
        Map<String, String> fields = new LinkedHashMap<>();
        MultipartReader.Part file = fields(form, fields);

        String key = fields.get("key");
        if (key == null || key.isEmpty()) {
            throw S3Error.invalidArgument("Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.",
                    "key", "");
        }
        if (!fields.containsKey("policy")) {
            throw S3Error.accessDenied("Access Denied");
        }
        signature.verify(fields);
        PostPolicy policy = PostPolicy.parse(fields.get("policy"));
        if (policy.expired(Instant.ofEpochMilli(buckets.now()))) {
            throw S3Error.accessDenied("Invalid according to Policy: Policy expired.");
        }
        policy.check(fields, bucket);

        String objectKey = key.replace("${filename}", filename(file));
        ObjectHeaders.checkKey(objectKey);
        Map<String, String> metadata = metadata(fields);
        ObjectHeaders.checkMetadata(metadata);
        Map<String, String> tags = fields.containsKey("tagging")
                ? Tags.fromXml(fields.get("tagging").getBytes(StandardCharsets.UTF_8)) : Map.of();

        PostPolicy.Condition.LengthRange range = policy.lengthRange();
        long limit = range == null ? maxObjectSize : Math.min(range.max(), maxObjectSize);
        Staged staged = buckets.store().stage(file.body(), limit, null);
        StoredObject object = new StoredObject(objectKey, staged.blob(), staged.size(), staged.md5Hex(),
                ObjectOperations.wholeSeconds(buckets.now()), ObjectHeaders.contentType(fields.get("content-type")),
                ObjectHeaders.kept(name -> fields.get(name.toLowerCase(Locale.ROOT))), metadata, tags, null);
        buckets.commit(bucket, object, staged, current -> {
            if (range != null && staged.size() < range.min()) {
                throw new S3Error(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size")
                        .with("ProposedSize", staged.size()).with("MinSizeAllowed", range.min());
            }
        });
        return success(request, fields, object);
    }

    /** Reads the fields up to the file part, which it returns unread; names go to lower case, as S3 matches them. */
    private static MultipartReader.Part fields(MultipartReader form, Map<String, String> fields) throws IOException {
        int budget = MAX_FIELDS_BYTES;
        MultipartReader.Part part;
        while ((part = form.next()) != null) {
            if (part.name() == null) {
                continue;
            }
            String name = part.name().toLowerCase(Locale.ROOT);
            if (name.equals("file")) {
                return part;
            }
            byte[] value = read(part.body(), budget);
            budget -= value.length + name.length();
            if (budget < 0) {
                throw new S3Error(400, "MaxPostPreDataLengthExceededError", "Your POST request fields preceding the upload file were too large.")
                        .with("MaxPostPreDataLength", MAX_FIELDS_BYTES);
            }
            fields.putIfAbsent(name, new String(value, StandardCharsets.UTF_8));
        }
        throw S3Error.invalidArgument("POST requires exactly one file upload per request.", "file", "0");
    }

    private static byte[] read(InputStream in, int budget) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (bytes.size() + n > budget) {
                throw new S3Error(400, "MaxPostPreDataLengthExceededError", "Your POST request fields preceding the upload file were too large.")
                        .with("MaxPostPreDataLength", MAX_FIELDS_BYTES);
            }
            bytes.write(buffer, 0, n);
        }
        return bytes.toByteArray();
    }

    /** The file's own name, without any folder a browser may send along. */
    private static String filename(MultipartReader.Part file) {
        String name = file.filename() == null ? "" : file.filename();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    private static Map<String, String> metadata(Map<String, String> fields) {
        Map<String, String> metadata = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith("x-amz-meta-")) {
                metadata.put(name.substring("x-amz-meta-".length()), value);
            }
        });
        return metadata;
    }

    /**
     * 303 to {@code success_action_redirect} with the bucket, key and ETag appended; otherwise the
     * status {@code success_action_status} asks for (201 with a PostResponse document), 204 by default.
     */
    private static Answer success(S3Request request, Map<String, String> fields, StoredObject object) {
        String location = request.origin() + "/" + PercentEncoding.encodePath(request.bucket()) + "/" + PercentEncoding.encodePath(object.key());
        String redirect = fields.get("success_action_redirect");
        if (redirect != null && isHttpUrl(redirect)) {
            String target = redirect + (redirect.contains("?") ? "&" : "?") + "bucket=" + PercentEncoding.encode(request.bucket())
                    + "&key=" + PercentEncoding.encode(object.key()) + "&etag=" + PercentEncoding.encode(object.etag());
            return Answer.of(303).header("Location", target).header("ETag", object.etag()).lengthOnly(0);
        }
        String status = fields.getOrDefault("success_action_status", "204");
        if (!SUCCESS_STATUSES.contains(status)) {
            status = "204";
        }
        if (status.equals("201")) {
            return Answer.xml(201, new XmlWriter().open("PostResponse", false).element("Location", location)
                    .element("Bucket", request.bucket()).element("Key", object.key()).element("ETag", object.etag()).close())
                    .header("ETag", object.etag()).header("Location", location);
        }
        return Answer.of(Integer.parseInt(status)).header("ETag", object.etag()).header("Location", location).lengthOnly(0);
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
