package se.inlagg.emulator.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The option emulator/README.md offers a caller of EmbeddedDynamoDb: its port. Emulator only. */
class OptionsTest {

    @Test
    void servesOnThePortAskedFor() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (EmbeddedDynamoDb emulator = EmbeddedDynamoDb.start(EmbeddedDynamoDb.Options.inMemory().withPort(port));
             DynamoDbClient dynamo = Contract.client(emulator.endpoint())) {
            assertEquals(port, emulator.endpoint().getPort());
            assertEquals(0, dynamo.listTables().tableNames().size());
        }
    }
}
