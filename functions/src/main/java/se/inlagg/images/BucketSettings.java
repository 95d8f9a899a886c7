package se.inlagg.images;

import java.net.URI;
import java.util.Optional;
import se.inlagg.config.Settings;

/**
 * Where pictures are kept: the bucket (BUCKET_NAME, from template.yaml) and, where browsers reach
 * the bucket at another address than the SDK does (a local emulator, LocalStack), that address
 * (UPLOAD_ENDPOINT, path-style). In AWS it is unset: browsers post to the bucket's own regional
 * address. The SDK's own endpoint comes from AWS_ENDPOINT_URL_S3, as DynamoDB's does.
 */
public record BucketSettings(String bucket, Optional<URI> browserEndpoint) {

    public static final String BUCKET_NAME = "BUCKET_NAME";
    public static final String UPLOAD_ENDPOINT = "UPLOAD_ENDPOINT";

    /** Empty where no bucket is configured: the site then takes no uploads (pictures elsewhere still show). */
    public static Optional<BucketSettings> fromEnvironment() {
        return Settings.value(BUCKET_NAME).map(b -> new BucketSettings(b, Settings.value(UPLOAD_ENDPOINT).map(URI::create)));
    }

    /** Whether the SDK is pointed at an endpoint of its own (an emulator): then requests are path-style. */
    static boolean sdkEndpointOverridden() {
        return Settings.value("AWS_ENDPOINT_URL_S3").isPresent() || Settings.value("AWS_ENDPOINT_URL").isPresent()
                || Optional.ofNullable(System.getProperty("aws.endpointUrlS3")).isPresent()
                || Optional.ofNullable(System.getProperty("aws.endpointUrl")).isPresent();
    }
}
