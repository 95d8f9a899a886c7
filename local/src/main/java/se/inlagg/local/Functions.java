package se.inlagg.local;

import java.util.LinkedHashMap;
import java.util.Map;
import se.inlagg.config.Settings;

/** Loads every function of the template as a fresh container would start, pointed at the local DynamoDB. */
final class Functions {

    private Functions() {
    }

    /**
     * Functions read the settings Lambda would give them (the template's Environment, resolved) as
     * system properties, since a JVM cannot change its own environment. One server per JVM at a time.
     */
    static Map<String, LambdaFunction> load(Template template, LocalDynamo dynamo, String tableName) {
        return load(template, dynamo, tableName, java.util.Optional.empty());
    }

    /**
     * With the pictures bucket on an S3 endpoint; without one the functions get no BUCKET_NAME, so
     * they take no uploads (and never try AWS's S3 with local credentials).
     */
    static Map<String, LambdaFunction> load(Template template, LocalDynamo dynamo, String tableName, java.util.Optional<LocalBucket> bucket) {
        dynamo.sdkProperties().forEach(System::setProperty);
        template.functions().values().forEach(f -> f.environment().forEach((k, v) -> {
            if (!k.startsWith("JAVA_")) {
                System.setProperty(k, v);
            }
        }));
        System.setProperty(Settings.TABLE_NAME, tableName);
        for (String name : java.util.List.of("aws.endpointUrlS3", "UPLOAD_ENDPOINT", "BUCKET_NAME")) {
            System.clearProperty(name);
        }
        bucket.ifPresent(b -> b.properties().forEach(System::setProperty));
        ClassLoader code = new FunctionClassLoader(Functions.class.getClassLoader());
        Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        template.functions().values().forEach(f -> functions.put(f.id(), new HandlerFunction(f, code)));
        return functions;
    }
}
