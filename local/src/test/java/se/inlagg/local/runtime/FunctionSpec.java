package se.inlagg.local.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import se.inlagg.app.Priming;
import se.inlagg.local.Template;

/**
 * One function as Lambda runs it, read from template.yaml (Globals merged in): its handler, memory,
 * timeout, environment, log settings and whether it starts from a SnapStart snapshot, with the folder
 * of the package layout that Lambda would unpack to /var/task, and whether its policies grant it any S3 or
 * DynamoDB action (only such a function has a reason to load that service's client).
 */
record FunctionSpec(String id, String handler, Path code, int memoryMb, Duration timeout, Map<String, String> environment,
                    String logFormat, String applicationLogLevel, boolean snapStart, boolean grantedS3, boolean grantedDynamoDb) {

    /** What Lambda assumes where the template says nothing. */
    private static final int DEFAULT_MEMORY_MB = 128;
    private static final int DEFAULT_TIMEOUT_SECONDS = 3;

    /** The rounds of priming a test starts a function with: enough to show the repetition runs, see {@link #primedInFewRounds}. */
    static final int TEST_PRIMING_ROUNDS = 3;

    FunctionSpec {
        environment = Map.copyOf(environment);
    }

    static FunctionSpec of(Template template, Template.Function function, Path code) {
        Map<String, Object> p = function.properties();
        Map<String, Object> logging = map(p.get("LoggingConfig"));
        // Published versions behind the alias start from a snapshot; that is what every request reaches.
        boolean snapStart = "PublishedVersions".equals(map(p.get("SnapStart")).get("ApplyOn")) && p.get("AutoPublishAlias") != null;
        return new FunctionSpec(function.id(), function.handler(), code,
                number(p.get("MemorySize"), DEFAULT_MEMORY_MB), Duration.ofSeconds(number(p.get("Timeout"), DEFAULT_TIMEOUT_SECONDS)),
                function.environment(), String.valueOf(logging.getOrDefault("LogFormat", "Text")),
                logging.containsKey("ApplicationLogLevel") ? template.resolve(logging.get("ApplicationLogLevel")) : "",
                snapStart, String.valueOf(p.get("Policies")).contains("s3:"), String.valueOf(p.get("Policies")).contains("dynamodb:"));
    }

    /** The same function with one environment variable set (TABLE_NAME: the physical name of its table here). */
    FunctionSpec withEnvironment(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(name, value);
        return new FunctionSpec(id, handler, code, memoryMb, timeout, env, logFormat, applicationLogLevel, snapStart, grantedS3, grantedDynamoDb);
    }

    /**
     * The same function primed in a few rounds before its snapshot, where production runs 250
     * ({@link Priming#ROUNDS}: seconds per function, to compile its path). A test that starts every function
     * checks what priming does and that it repeats; the benchmark, which measures what the rounds are worth,
     * starts them as the template does.
     */
    FunctionSpec primedInFewRounds() {
        return withEnvironment(Priming.ROUNDS_VARIABLE, Integer.toString(TEST_PRIMING_ROUNDS));
    }

    /** The same function at another application log level (LoggingConfig's ApplicationLogLevel). */
    FunctionSpec withLogLevel(String level) {
        return new FunctionSpec(id, handler, code, memoryMb, timeout, environment, logFormat, level, snapStart, grantedS3, grantedDynamoDb);
    }

    /** Started on demand, JVM launch to first answer, as a function without SnapStart starts. */
    FunctionSpec onDemand() {
        return new FunctionSpec(id, handler, code, memoryMb, timeout, environment, logFormat, applicationLogLevel, false, grantedS3, grantedDynamoDb);
    }

    private static int number(Object value, int otherwise) {
        return value instanceof Number n ? n.intValue() : otherwise;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
