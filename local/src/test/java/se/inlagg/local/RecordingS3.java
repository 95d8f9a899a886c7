package se.inlagg.local;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 client that notes the IAM action each call needs, beside a function's DynamoDB actions, so
 * the same test holds its S3 policy to what its code does. A read of an object also needs
 * s3:ListBucket: without it S3 answers a missing key (no index yet) with 403 instead of 404, and the
 * code relies on the 404.
 */
final class RecordingS3 {

    private RecordingS3() {
    }

    static S3Client wrap(S3Client real, Set<RecordingDynamo.Grant> used) {
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
                (proxy, method, args) -> {
                    record(method.getName(), used);
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void record(String method, Set<RecordingDynamo.Grant> used) {
        if (method.startsWith("getObject")) {
            used.add(new RecordingDynamo.Grant("s3:GetObject", "bucket/search/*"));
            used.add(new RecordingDynamo.Grant("s3:ListBucket", "bucket"));
        } else if (method.startsWith("putObject")) {
            used.add(new RecordingDynamo.Grant("s3:PutObject", "bucket/search/*"));
        } else if (method.startsWith("deleteObject")) {
            used.add(new RecordingDynamo.Grant("s3:DeleteObject", "bucket/search/*"));
        } else if (!Set.of("close", "serviceName", "serviceClientConfiguration", "toString", "hashCode", "equals").contains(method)) {
            used.add(new RecordingDynamo.Grant("s3:" + Character.toUpperCase(method.charAt(0)) + method.substring(1), "bucket"));
        }
    }
}
