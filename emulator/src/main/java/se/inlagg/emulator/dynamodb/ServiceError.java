package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answered the way DynamoDB answers it: its {@code __type} picks the SDK's exception
 * class, and some errors carry more members (the old item, cancellation reasons).
 */
final class ServiceError extends RuntimeException {

    private static final String PREFIX = "com.amazonaws.dynamodb.v20120810#";

    private final String type;
    private final int status;
    private final ObjectNode extra;

    ServiceError(String type, int status, String message, ObjectNode extra) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.extra = extra;
    }

    static ServiceError of(String name, String message) {
        return new ServiceError(PREFIX + name, 400, message, null);
    }

    static ServiceError validation(String message) {
        return of("ValidationException", message);
    }

    static ServiceError notFound(String message) {
        return of("ResourceNotFoundException", message);
    }

    static ServiceError tableNotFound(String table) {
        return notFound("Requested resource not found: Table: " + table + " not found");
    }

    static ServiceError conditionFailed(ObjectNode itemOrNull) {
        ObjectNode extra = null;
        if (itemOrNull != null) {
            extra = JsonNodeFactory.instance.objectNode();
            extra.set("Item", itemOrNull);
        }
        return new ServiceError(PREFIX + "ConditionalCheckFailedException", 400, "The conditional request failed", extra);
    }

    static ServiceError serialization(String message) {
        return new ServiceError("com.amazon.coral.service#SerializationException", 400, message, null);
    }

    static ServiceError unknownOperation(String target) {
        return new ServiceError("com.amazon.coral.service#UnknownOperationException", 400,
                "Unknown operation: " + target, null);
    }

    static ServiceError internal(String message) {
        return new ServiceError(PREFIX + "InternalServerError", 500, message, null);
    }

    ServiceError withExtra(ObjectNode more) {
        return new ServiceError(type, status, getMessage(), more);
    }

    int status() {
        return status;
    }

    /** The error body; the SDK reads the exception class from the part of {@code __type} after '#'. */
    ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("__type", type);
        body.put("message", getMessage());
        if (extra != null) {
            body.setAll(extra);
        }
        return body;
    }
}
