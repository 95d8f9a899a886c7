package se.inlagg.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A DynamoDB client that counts what each request costs: the calls it makes and the capacity units
 * DynamoDB (or the emulator, by DynamoDB's arithmetic) says they consumed. It asks for the consumed
 * capacity on every call, which the application's own client does not.
 */
final class MeteredDynamo implements ExecutionInterceptor {

    private final AtomicInteger calls = new AtomicInteger();
    private final DoubleAdder capacity = new DoubleAdder();
    private final DoubleAdder writeCapacity = new DoubleAdder();
    private final List<String> operations = Collections.synchronizedList(new ArrayList<>());

    /** What the calls since the last {@link #reset} cost: in all, and of it what writes took. */
    record Cost(int calls, double capacityUnits, List<String> operations, double writeUnits) {
        @Override
        public String toString() {
            return calls + " calls, " + capacityUnits + " units " + operations;
        }
    }

    DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(this))
                .build();
    }

    Cost reset() {
        Cost cost = new Cost(calls.getAndSet(0), capacity.sumThenReset(), List.copyOf(operations), writeCapacity.sumThenReset());
        operations.clear();
        return cost;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest r = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        return switch (r) {
            case QueryRequest q -> q.toBuilder().returnConsumedCapacity(total).build();
            case GetItemRequest g -> g.toBuilder().returnConsumedCapacity(total).build();
            case BatchGetItemRequest b -> b.toBuilder().returnConsumedCapacity(total).build();
            case TransactWriteItemsRequest t -> t.toBuilder().returnConsumedCapacity(total).build();
            case PutItemRequest p -> p.toBuilder().returnConsumedCapacity(total).build();
            case UpdateItemRequest u -> u.toBuilder().returnConsumedCapacity(total).build();
            default -> r;
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        calls.incrementAndGet();
        operations.add(context.request().getClass().getSimpleName().replace("Request", ""));
        switch (context.response()) {
            case QueryResponse q -> add(q.consumedCapacity());
            case GetItemResponse g -> add(g.consumedCapacity());
            case BatchGetItemResponse b -> b.consumedCapacity().forEach(this::add);
            case TransactWriteItemsResponse t -> t.consumedCapacity().forEach(this::addWrite);
            case PutItemResponse p -> addWrite(p.consumedCapacity());
            case UpdateItemResponse u -> addWrite(u.consumedCapacity());
            default -> { }
        }
    }

    private void addWrite(ConsumedCapacity c) {
        add(c);
        if (c != null && c.capacityUnits() != null) {
            writeCapacity.add(c.capacityUnits());
        }
    }

    private void add(ConsumedCapacity c) {
        if (c != null && c.capacityUnits() != null) {
            capacity.add(c.capacityUnits());
        }
    }
}
