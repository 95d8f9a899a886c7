package se.inlagg.local;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * A DynamoDB client that notes every IAM action its calls need ("dynamodb:Query on index GSI1"),
 * so a test can hold each function's policy to what its code really does.
 */
final class RecordingDynamo {

    /** An IAM action and where it applies: "table" or "index/NAME". */
    record Grant(String action, String resource) {
        @Override
        public String toString() {
            return action + " on " + resource;
        }
    }

    final Set<Grant> used = ConcurrentHashMap.newKeySet();

    DynamoDbClient wrap(DynamoDbClient real) {
        return Intercepted.of(DynamoDbClient.class, real).beforeEvery(call -> record(call.operation(), call.request())).client();
    }

    private void record(String method, Object request) {
        switch (method) {
            case "close", "serviceName", "serviceClientConfiguration", "toString", "hashCode", "equals" -> { }
            case "query" -> used.add(new Grant("dynamodb:Query",
                    request instanceof QueryRequest q && q.indexName() != null ? "index/" + q.indexName() : "table"));
            case "transactWriteItems" -> ((TransactWriteItemsRequest) request).transactItems().forEach(i -> {
                if (i.put() != null) {
                    used.add(new Grant("dynamodb:PutItem", "table"));
                }
                if (i.update() != null) {
                    used.add(new Grant("dynamodb:UpdateItem", "table"));
                }
                if (i.delete() != null) {
                    used.add(new Grant("dynamodb:DeleteItem", "table"));
                }
                if (i.conditionCheck() != null) {
                    used.add(new Grant("dynamodb:ConditionCheckItem", "table"));
                }
            });
            default -> used.add(new Grant("dynamodb:" + Character.toUpperCase(method.charAt(0)) + method.substring(1), "table"));
        }
    }
}
