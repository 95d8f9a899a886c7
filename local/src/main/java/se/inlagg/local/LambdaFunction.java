package se.inlagg.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One function of the template, run in-process as the Java runtime runs it: the handler class is
 * made once (like a warm container), and events go in and out as JSON through the runtime's own
 * serializers, so what works here works the same in AWS.
 */
final class LambdaFunction {

    private final Template.Function definition;
    private final RequestHandler<Object, Object> handler;
    private final PojoSerializer<Object> input;
    private final PojoSerializer<Object> output;
    private final int timeoutSeconds;

    @SuppressWarnings("unchecked")
    LambdaFunction(Template.Function definition, ClassLoader code) {
        this.definition = definition;
        try {
            Class<?> type = Class.forName(definition.handlerClass(), true, code);
            this.handler = (RequestHandler<Object, Object>) type.getDeclaredConstructor().newInstance();
            Type[] io = requestHandlerTypes(type);
            this.input = serializer(io[0], code);
            this.output = serializer(io[1], code);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load handler " + definition.handler() + " of " + definition.id(), e);
        }
        Object timeout = definition.properties().get("Timeout");
        this.timeoutSeconds = timeout instanceof Number n ? n.intValue() : 3;
    }

    String id() {
        return definition.id();
    }

    /** Invokes the handler with an event as JSON and answers its result as JSON. */
    String invoke(String eventJson) {
        Object event = input.fromJson(eventJson);
        var context = new LocalContext(UUID.randomUUID().toString(), definition.id(),
                System.currentTimeMillis() + timeoutSeconds * 1000L);
        Object result = handler.handleRequest(event, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        output.toJson(result, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Type type, ClassLoader code) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(raw, code);
        }
        return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
    }

    private static Type[] requestHandlerTypes(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    return p.getActualTypeArguments();
                }
            }
        }
        throw new IllegalStateException(type + " does not implement RequestHandler");
    }
}
