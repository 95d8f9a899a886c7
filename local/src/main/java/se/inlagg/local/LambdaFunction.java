package se.inlagg.local;

/**
 * What the gateway invokes for a route: an event in, the function's answer out, both as the JSON
 * the Lambda runtime passes. {@link HandlerFunction} runs a template's handler in this JVM.
 */
@FunctionalInterface
interface LambdaFunction {

    /** Invokes the function with an event as JSON and answers its result as JSON. */
    String invoke(String eventJson);
}
