package se.inlagg.emulator.s3;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.w3c.dom.Element;

/**
 * A bucket's CORS and lifecycle configurations: put, got and deleted as S3 does. Lifecycle rules
 * are kept and returned only; this emulator never expires or transitions an object.
 */
final class BucketConfigurations {

    private static final int MAX_LIFECYCLE_RULES = 1000;

    private final Buckets buckets;

    BucketConfigurations(Buckets buckets) {
        this.buckets = buckets;
    }

    Answer putCors(S3Request request) {
        buckets.requireBucket(request.bucket());
        CorsRules rules = CorsRules.parse(UploadBody.readSmall(request, true));
        save(request, "cors", rules.text(), b -> b.cors(rules));
        return Answer.of(200);
    }

    Answer getCors(S3Request request) {
        CorsRules rules = buckets.reading(() -> buckets.bucket(request.bucket()).cors());
        if (rules == null) {
            throw new S3Error(404, "NoSuchCORSConfiguration", "The CORS configuration does not exist").with("BucketName", request.bucket());
        }
        return Answer.xml(200, rules.xml());
    }

    Answer deleteCors(S3Request request) {
        save(request, "cors", null, b -> b.cors(null));
        return Answer.of(204);
    }

    Answer putLifecycle(S3Request request) {
        buckets.requireBucket(request.bucket());
        byte[] body = UploadBody.readSmall(request, true);
        checkLifecycle(body);
        String xml = new String(body, StandardCharsets.UTF_8);
        save(request, "lifecycle", xml, b -> b.lifecycle(xml));
        return Answer.of(200);
    }

    /** The checks S3 makes that a client is likely to trip: rules present, each with an ID of at most 255 characters and a Status. */
    private static void checkLifecycle(byte[] body) {
        XmlDocument doc = XmlDocument.parse(body, "LifecycleConfiguration");
        var rules = XmlDocument.children(doc.root(), "Rule");
        if (rules.isEmpty() || rules.size() > MAX_LIFECYCLE_RULES) {
            throw S3Error.malformedXml();
        }
        for (Element rule : rules) {
            String status = XmlDocument.text(rule, "Status");
            if (!"Enabled".equals(status) && !"Disabled".equals(status)) {
                throw S3Error.malformedXml();
            }
            String id = XmlDocument.text(rule, "ID");
            if (id != null && id.length() > 255) {
                throw S3Error.invalidArgument("ID length should not exceed allowed limit of 255", "ID", id);
            }
        }
    }

    Answer getLifecycle(S3Request request) {
        String xml = buckets.reading(() -> buckets.bucket(request.bucket()).lifecycle());
        if (xml == null) {
            throw new S3Error(404, "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist")
                    .with("BucketName", request.bucket());
        }
        return Answer.of(200).header("Content-Type", "application/xml").bytes(xml.getBytes(StandardCharsets.UTF_8));
    }

    Answer deleteLifecycle(S3Request request) {
        save(request, "lifecycle", null, b -> b.lifecycle(null));
        return Answer.of(204);
    }

    /** Keeps a configuration (null removes it), then shows it in memory: the store first, so a failed write changes nothing. */
    private void save(S3Request request, String kind, String xml, Consumer<Bucket> apply) {
        buckets.writing(() -> {
            Bucket b = buckets.bucket(request.bucket());
            buckets.store().saveConfiguration(b.name(), kind, xml);
            apply.accept(b);
            return null;
        });
    }
}
