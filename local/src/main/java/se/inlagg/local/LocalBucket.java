package se.inlagg.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The pictures bucket on an S3-compatible endpoint (the embedded S3, LocalStack): the template's
 * bucket made there with its lifecycle rules, and the settings through which the functions' own S3
 * code reaches it. Only the endpoint differs from AWS; browsers reach it at the same address.
 */
record LocalBucket(URI endpoint, String name) {

    /** The pictures bucket's logical id in template.yaml (the one BUCKET_NAME names; the search index has its own). */
    static final String RESOURCE = "ImagesBucket";

    /** The pictures bucket, by the name the functions get for it (BUCKET_NAME). */
    static String nameIn(Template template) {
        if (!template.resources().containsKey(RESOURCE)) {
            throw new IllegalStateException("template.yaml declares no " + RESOURCE);
        }
        return template.resolve(Map.of("Ref", RESOURCE));
    }

    /**
     * The SDK's own endpoint setting (as for DynamoDB), and the address browsers post uploads to and
     * read pictures from, which locally is the same loopback endpoint.
     */
    Map<String, String> properties() {
        return Map.of("aws.endpointUrlS3", endpoint.toString(), "UPLOAD_ENDPOINT", endpoint.toString(), "BUCKET_NAME", name);
    }

    S3Client client() {
        return LocalS3.clientOf(endpoint);
    }

    /** Makes the bucket unless it is there (a restart), with the lifecycle rules the template gives it. */
    void ensure(Template template) {
        try (S3Client s3 = client()) {
            try {
                s3.createBucket(r -> r.bucket(name).createBucketConfiguration(c -> c.locationConstraint(LocalDynamo.REGION)));
            } catch (BucketAlreadyOwnedByYouException e) {
                // made on an earlier start
            }
            List<LifecycleRule> rules = lifecycle(template);
            if (!rules.isEmpty()) {
                s3.putBucketLifecycleConfiguration(r -> r.bucket(name).lifecycleConfiguration(l -> l.rules(rules)));
            }
        }
    }

    /** The template's LifecycleConfiguration rules (prefix or tag filters, expiry in days) in the SDK's shape. */
    static List<LifecycleRule> lifecycle(Template template) {
        Map<String, Object> bucket = Template.map(template.resources().get(RESOURCE));
        Map<String, Object> config = Template.map(Template.map(bucket.get("Properties")).get("LifecycleConfiguration"));
        List<LifecycleRule> rules = new ArrayList<>();
        if (!(config.get("Rules") instanceof List<?> list)) {
            return rules;
        }
        for (Object r : list) {
            Map<String, Object> rule = Template.map(r);
            if (!(rule.get("ExpirationInDays") instanceof Number days)) {
                // A rule about old versions only (DeletedPictures): the local bucket keeps no versions, so it has nothing to do.
                continue;
            }
            LifecycleRuleFilter.Builder filter = LifecycleRuleFilter.builder();
            if (rule.get("Prefix") instanceof String prefix) {
                filter.prefix(prefix);
            } else if (rule.get("TagFilters") instanceof List<?> tags && tags.size() == 1) {
                Map<String, Object> tag = Template.map(tags.getFirst());
                filter.tag(Tag.builder().key(String.valueOf(tag.get("Key"))).value(String.valueOf(tag.get("Value"))).build());
            }
            rules.add(LifecycleRule.builder()
                    .id(String.valueOf(rule.get("Id")))
                    .status("Enabled".equals(rule.get("Status")) ? ExpirationStatus.ENABLED : ExpirationStatus.DISABLED)
                    .filter(filter.build())
                    .expiration(e -> e.days(days.intValue()))
                    .build());
        }
        return rules;
    }
}
