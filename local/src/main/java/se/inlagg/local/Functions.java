package se.inlagg.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.config.Settings;

/** Loads every function of the template as a fresh container would start, pointed at the local DynamoDB and S3. */
final class Functions {

    private Functions() {
    }

    /** Without S3: the functions get no bucket names, so they take no pictures and cannot search. */
    static Map<String, LambdaFunction> load(Template template, LocalDynamo dynamo, String tableName) {
        return load(template, dynamo, tableName, Optional.empty(), Optional.empty());
    }

    /**
     * Functions read the settings Lambda would give them (the template's Environment, resolved) as
     * system properties, since a JVM cannot change its own environment. One server per JVM at a time (LocalServer.start).
     * The pictures bucket and the search index's bucket are on an S3 endpoint; a bucket not given is
     * no setting at all, so a function never reaches for AWS's own S3 with local credentials.
     */
    static Map<String, LambdaFunction> load(Template template, LocalDynamo dynamo, String tableName,
                                            Optional<LocalBucket> bucket, Optional<String> searchBucket) {
        dynamo.sdkProperties().forEach(System::setProperty);
        template.functions().values().forEach(f -> f.environment().forEach((k, v) -> {
            if (!k.startsWith("JAVA_")) {
                System.setProperty(k, v);
            }
        }));
        System.setProperty(Settings.TABLE_NAME, tableName);
        for (String name : List.of("aws.endpointUrlS3", "UPLOAD_ENDPOINT", "BUCKET_NAME", Settings.SEARCH_BUCKET)) {
            System.clearProperty(name);
        }
        bucket.ifPresent(b -> b.properties().forEach(System::setProperty));
        searchBucket.ifPresent(b -> System.setProperty(Settings.SEARCH_BUCKET, b));
        ClassLoader code = new FunctionClassLoader(Functions.class.getClassLoader());
        Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        template.functions().values().forEach(f -> functions.put(f.id(), new HandlerFunction(f, code)));
        return functions;
    }
}
