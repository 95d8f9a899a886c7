package se.inlagg.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.app.Wiring;
import se.inlagg.config.Settings;
import se.inlagg.http.TestContext;
import se.inlagg.json.Json;
import se.inlagg.search.IndexFiles;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the indexer answers Lambda for a batch of the table's records: done only when the index has taken it. Lambda
 * moves the stream on past a batch answered done, so one answered done that was not is lost: its posts stay unfound,
 * and a deleted one stays found, until each is changed again.
 */
class SearchIndexHandlerTest {

    /** The index's bucket when S3 does not answer: every call fails as the S3 client fails then. */
    static final IndexFiles UNREACHABLE = new IndexFiles() {
        @Override
        public ManifestRead readManifest(Optional<String> unlessTag) {
            throw unreachable();
        }

        @Override
        public byte[] read(String key) {
            throw unreachable();
        }

        @Override
        public void write(String key, byte[] bytes) {
            throw unreachable();
        }

        @Override
        public Optional<String> swapManifest(byte[] manifest, Optional<String> expectedTag) {
            throw unreachable();
        }

        @Override
        public void delete(Collection<String> keys) {
            throw unreachable();
        }

        private static SdkClientException unreachable() {
            return SdkClientException.create("Unable to execute HTTP request: Read timed out");
        }
    };

    /** A table that answers nothing it is asked (the SDK's defaults): the index fails before any post is read. */
    static final DynamoDbClient SILENT_TABLE = new DynamoDbClient() {
        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    };

    /**
     * A batch the index could not take fails the invocation, so that Lambda sends it again (then halves it, and at last
     * keeps it on the on-failure queue, template.yaml), never answered as done: an error caught and logged here would
     * answer {"batchItemFailures": []}, and the stream would move on without it.
     */
    @Test
    void aBatchTheIndexCouldNotTakeFailsSoLambdaSendsItAgainRatherThanBeingAnsweredDone() {
        var handler = new SearchIndexHandler().use(Wiring.withBuckets(SILENT_TABLE, new Settings("Posts", ZoneId.of("Europe/Stockholm")),
                Clock.systemUTC(), Optional::empty, () -> UNREACHABLE));
        byte[] batch = Json.write(Map.of("Records", List.of(StreamBatchTest.record("MODIFY", "POST", "", ""))))
                .getBytes(StandardCharsets.UTF_8);
        var answer = new ByteArrayOutputStream();
        assertThrows(SdkClientException.class, () -> handler.handleRequest(new ByteArrayInputStream(batch), answer, new TestContext()));
        assertEquals("", answer.toString(StandardCharsets.UTF_8), "no answer that says the batch was done");
    }
}
