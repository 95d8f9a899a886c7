package se.inlagg.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Routes an X-Amz-Target to its operation and turns every outcome into DynamoDB's answer: 200
 * with the result, 400 with a typed error, or 500 for a fault of the emulator itself.
 */
final class Dispatcher {

    private static final String DYNAMODB = "DynamoDB_20120810.";
    private static final String STREAMS = "DynamoDBStreams_20120810.";

    record Answer(int status, byte[] body) {
    }

    /** One request's operation, given its body and the region the client signed for. */
    private interface Operation {
        ObjectNode run(JsonNode request, String region);
    }

    private final Map<String, Operation> operations = new HashMap<>();

    Dispatcher(Database db) {
        TableOperations tables = new TableOperations(db);
        ItemOperations items = new ItemOperations(db);
        ReadOperations reads = new ReadOperations(db);
        BatchOperations batches = new BatchOperations(db);
        TransactionOperations transactions = new TransactionOperations(db);
        StreamOperations streams = new StreamOperations(db);
        operations.put(DYNAMODB + "CreateTable", tables::createTable);
        dynamodb("DescribeTable", tables::describeTable);
        dynamodb("ListTables", tables::listTables);
        dynamodb("DeleteTable", tables::deleteTable);
        dynamodb("UpdateTable", tables::updateTable);
        dynamodb("UpdateTimeToLive", tables::updateTimeToLive);
        dynamodb("DescribeTimeToLive", tables::describeTimeToLive);
        dynamodb("PutItem", items::putItem);
        dynamodb("GetItem", items::getItem);
        dynamodb("UpdateItem", items::updateItem);
        dynamodb("DeleteItem", items::deleteItem);
        dynamodb("Query", reads::query);
        dynamodb("Scan", reads::scan);
        dynamodb("BatchGetItem", batches::batchGetItem);
        dynamodb("BatchWriteItem", batches::batchWriteItem);
        dynamodb("TransactWriteItems", transactions::transactWriteItems);
        dynamodb("TransactGetItems", transactions::transactGetItems);
        operations.put(STREAMS + "ListStreams", (r, region) -> streams.listStreams(r));
        operations.put(STREAMS + "DescribeStream", (r, region) -> streams.describeStream(r));
        operations.put(STREAMS + "GetShardIterator", (r, region) -> streams.getShardIterator(r));
        operations.put(STREAMS + "GetRecords", (r, region) -> streams.getRecords(r));
    }

    private void dynamodb(String name, Function<JsonNode, ObjectNode> operation) {
        operations.put(DYNAMODB + name, (r, region) -> operation.apply(r));
    }

    Answer handle(String target, byte[] body, String authorization) {
        try {
            Operation operation = target == null ? null : operations.get(target);
            if (operation == null) {
                throw ServiceError.unknownOperation(target);
            }
            JsonNode request = body.length == 0 ? Json.MAPPER.createObjectNode() : Json.read(body);
            if (!request.isObject()) {
                throw ServiceError.serialization("The request body must be a JSON object");
            }
            return new Answer(200, Json.bytes(operation.run(request, region(authorization))));
        } catch (ServiceError e) {
            return new Answer(e.status(), Json.bytes(e.body()));
        } catch (RuntimeException e) {
            ServiceError internal = ServiceError.internal("The emulator failed: " + e);
            return new Answer(internal.status(), Json.bytes(internal.body()));
        }
    }

    /** The region from a SigV4 Authorization header (Credential=key/date/region/service/…); signatures are not checked. */
    static String region(String authorization) {
        if (authorization != null) {
            int at = authorization.indexOf("Credential=");
            if (at >= 0) {
                String[] scope = authorization.substring(at + "Credential=".length()).split("[/,]");
                if (scope.length > 2 && !scope[2].isBlank()) {
                    return scope[2];
                }
            }
        }
        return "us-east-1";
    }
}
