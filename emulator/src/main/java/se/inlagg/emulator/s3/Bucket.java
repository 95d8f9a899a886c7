package se.inlagg.emulator.s3;

import java.util.TreeMap;
import se.inlagg.emulator.Utf8Order;

/**
 * A bucket's state in memory: its objects in S3's listing order (UTF-8 bytes), its CORS rules and
 * its lifecycle configuration. Read and changed only under {@link Buckets}' lock.
 */
final class Bucket {

    private final String name;
    private final long created;
    private final String region;
    private final TreeMap<String, StoredObject> objects = new TreeMap<>(Utf8Order.INSTANCE);
    private CorsRules cors;
    private String lifecycle;

    Bucket(String name, long created, String region) {
        this.name = name;
        this.created = created;
        this.region = region;
    }

    String name() {
        return name;
    }

    long created() {
        return created;
    }

    String region() {
        return region;
    }

    TreeMap<String, StoredObject> objects() {
        return objects;
    }

    /** The stored CORS rules, or null. */
    CorsRules cors() {
        return cors;
    }

    void cors(CorsRules rules) {
        this.cors = rules;
    }

    /** The lifecycle configuration as it was put (S3 stores it; this emulator expires nothing), or null. */
    String lifecycle() {
        return lifecycle;
    }

    void lifecycle(String xml) {
        this.lifecycle = xml;
    }
}
