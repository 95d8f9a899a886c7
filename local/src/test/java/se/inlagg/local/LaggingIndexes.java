package se.inlagg.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import se.inlagg.emulator.dynamodb.EmbeddedDynamoDb;

/**
 * A server's global secondary indexes held behind its table, as DynamoDB's may be for a moment after
 * each write ({@link EmbeddedDynamoDb#holdIndexes}): what a page or a write shows when the index it reads
 * has not caught up. Only the embedded DynamoDB can be held, so a test using it is skipped on another backend.
 */
final class LaggingIndexes {

    private LaggingIndexes() {
    }

    /** Holds the indexes of this server's DynamoDB until the hold returned is closed. */
    static EmbeddedDynamoDb.IndexHold hold(LocalServer server) {
        var embedded = server.embeddedDynamo();
        assumeTrue(embedded.isPresent(), "only the embedded DynamoDB's indexes can be made to lag");
        return embedded.get().holdIndexes();
    }
}
