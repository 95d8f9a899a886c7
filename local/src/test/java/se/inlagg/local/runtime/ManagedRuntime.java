package se.inlagg.local.runtime;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the managed Java runtime starts a function: the JVM options its bootstrap passes (serial GC, a
 * heap of 85 % of the memory size, CRaC through the runtime client, the client's JNI library), AWS's
 * runtime client as the main class with the handler as its only argument, the function's code only
 * through the working directory and LAMBDA_TASK_ROOT (the client loads classes from there and jars
 * from lib/), and nothing of this machine's environment: only what Lambda sets and the template asks for.
 */
final class ManagedRuntime {

    static final String REGION = "eu-north-1";
    static final String ACCOUNT = "123456789012";
    /** The stack's name (samconfig.toml); CloudFormation names functions after it. */
    static final String STACK = "inlagg";
    /** The managed runtime's bootstrap gives the heap this share of the function's memory. */
    private static final double HEAP_SHARE = 0.85;

    private ManagedRuntime() {
    }

    /** The command line; extraJvmOptions go before the class path (a benchmark's logging, for example). */
    static List<String> command(FunctionSpec function, RuntimeLibrary runtime, List<String> extraJvmOptions) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:MaxHeapSize=" + (long) Math.ceil(function.memoryMb() * 1024 * HEAP_SHARE) + "k",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-XX:+ErrorFileToStderr",
                "-D" + RuntimeLibrary.JNI_PROPERTY + "=" + runtime.jni()));
        command.addAll(extraJvmOptions);
        command.add("-classpath");
        command.add(runtime.classPath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(RuntimeLibrary.MAIN_CLASS);
        command.add(function.handler());
        return command;
    }

    /**
     * The process environment: the function's own (template Environment, Globals merged, JAVA_TOOL_OPTIONS
     * included), then what Lambda sets, then where DynamoDB is. The AWS config files point nowhere, as
     * Lambda has none, so nothing of this machine's ~/.aws can reach the function.
     */
    static Map<String, String> environment(FunctionSpec function, String runtimeApi, URI dynamoEndpoint, Path scratch) {
        Map<String, String> env = new LinkedHashMap<>(function.environment());
        String name = functionName(function);
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", function.code().toString());
        env.put("LAMBDA_RUNTIME_DIR", scratch.toString());
        env.put("_HANDLER", function.handler());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java25");
        env.put("AWS_LAMBDA_FUNCTION_NAME", name);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", function.snapStart() ? "snap-start" : "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2019/01/30/[1]" + Long.toHexString(System.nanoTime()));
        env.put("AWS_LAMBDA_LOG_FORMAT", function.logFormat());
        if (function.logFormat().equalsIgnoreCase("JSON") && !function.applicationLogLevel().isBlank()) {
            env.put("AWS_LAMBDA_LOG_LEVEL", function.applicationLogLevel());
        }
        env.put("AWS_REGION", REGION);
        env.put("AWS_DEFAULT_REGION", REGION);
        // The role's temporary credentials in Lambda; the local DynamoDB checks no signature.
        env.put("AWS_ACCESS_KEY_ID", "ASIAEXAMPLEEXAMPLE00");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        env.put("AWS_SESSION_TOKEN", "IQoJb3JpZ2luX2VjEXAMPLE");
        env.put("AWS_CONFIG_FILE", scratch.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", scratch.resolve("no-aws-credentials").toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint.toString());
        return env;
    }

    /** What CloudFormation would call it: stack, logical id (and a suffix we leave out). */
    static String functionName(FunctionSpec function) {
        return STACK + "-" + function.id();
    }

    /** Requests reach the published version through the alias (AutoPublishAlias: live). */
    static String functionArn(FunctionSpec function) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + functionName(function) + ":live";
    }
}
