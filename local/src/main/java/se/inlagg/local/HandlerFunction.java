package se.inlagg.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One function of the template, run in-process as the Java runtime runs a stream handler: the
 * handler class is made once (like a warm container) and each event goes in and comes out as
 * JSON bytes, exactly what the runtime hands it and takes back. (The runtime-client test runs the
 * same functions in the real runtime, packaged as `sam build` packages them.)
 */
final class HandlerFunction implements LambdaFunction {

    private final Template.Function definition;
    private final RequestStreamHandler handler;
    private final int timeoutSeconds;

    HandlerFunction(Template.Function definition, ClassLoader code) {
        this.definition = definition;
        try {
            Class<?> type = Class.forName(definition.handlerClass(), true, code);
            if (!RequestStreamHandler.class.isAssignableFrom(type)) {
                throw new IllegalStateException(definition.id() + ": " + definition.handler() + " is not a RequestStreamHandler");
            }
            this.handler = (RequestStreamHandler) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load handler " + definition.handler() + " of " + definition.id(), e);
        }
        Object timeout = definition.properties().get("Timeout");
        this.timeoutSeconds = timeout instanceof Number n ? n.intValue() : 3;
    }

    @Override
    public String invoke(String eventJson) {
        var context = new LocalContext(UUID.randomUUID().toString(), definition.id(),
                System.currentTimeMillis() + timeoutSeconds * 1000L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
