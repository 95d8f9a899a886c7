package se.inlagg.local;

import java.util.LinkedHashMap;
import java.util.Map;
import se.inlagg.config.Settings;

/** Loads every function of the template as a fresh container would start, pointed at DynamoDB Local. */
final class Functions {

    private Functions() {
    }

    /**
     * Functions read the settings Lambda would give them (the template's Environment, resolved) as
     * system properties, since a JVM cannot change its own environment. One server per JVM at a time.
     */
    static Map<String, LambdaFunction> load(Template template, LocalDynamo dynamo, String tableName) {
        return load(template, dynamo, tableName, java.util.Optional.empty(), LocalServer.DEFAULT_BUCKET);
    }

    /** The same, with the search functions' index in this bucket on this S3 (none: search cannot run). */
    static Map<String, LambdaFunction> load(Template template, LocalDynamo dynamo, String tableName,
                                            java.util.Optional<LocalS3> s3, String bucket) {
        dynamo.sdkProperties().forEach(System::setProperty);
        s3.ifPresent(store -> store.sdkProperties().forEach(System::setProperty));
        template.functions().values().forEach(f -> f.environment().forEach((k, v) -> {
            if (!k.startsWith("JAVA_")) {
                System.setProperty(k, v);
            }
        }));
        System.setProperty(Settings.TABLE_NAME, tableName);
        if (s3.isPresent()) {
            System.setProperty(Settings.SEARCH_BUCKET, bucket);
        } else {
            // No S3 for the index: search says so at once rather than reach for AWS's own S3.
            System.clearProperty(Settings.SEARCH_BUCKET);
        }
        ClassLoader code = new FunctionClassLoader(Functions.class.getClassLoader());
        Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        template.functions().values().forEach(f -> functions.put(f.id(), new LambdaFunction(f, code)));
        return functions;
    }
}
