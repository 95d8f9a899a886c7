package se.inlagg.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local, run in this JVM on a free loopback port, keeping its one shared database
 * (-sharedDb) in the data directory so that a restart, the server and the author command all
 * see the same tables.
 */
final class LocalDynamo implements AutoCloseable {

    static final String REGION = "eu-north-1";
    private static final List<String> NATIVE_LIBRARIES = List.of(
            "libsqlite4java-linux-amd64.so", "libsqlite4java-linux-i386.so",
            "libsqlite4java-osx.dylib", "sqlite4java-win32-x64.dll");

    /** Held so the level set on it stays: java.util.logging keeps loggers only weakly. */
    private static final java.util.logging.Logger SQLITE_LOG = java.util.logging.Logger.getLogger("com.almworks.sqlite4java");

    private final Optional<DynamoDBProxyServer> server;
    private final URI endpoint;

    private LocalDynamo(Optional<DynamoDBProxyServer> server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /**
     * Another DynamoDB-compatible endpoint (LocalStack, a DynamoDB Local you run yourself) in place
     * of the in-process one; its data is wherever that endpoint keeps it.
     */
    static LocalDynamo external(URI endpoint) {
        return new LocalDynamo(Optional.empty(), endpoint);
    }

    static LocalDynamo start(Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        prepareNativeLibraries();
        Exception last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            String[] args = {"-port", Integer.toString(port), "-sharedDb", "-dbPath",
                dataDir.toAbsolutePath().toString(), "-disableTelemetry"};
            try {
                return new LocalDynamo(Optional.of(quietly(args)), URI.create("http://127.0.0.1:" + port));
            } catch (Exception e) {
                last = e; // another process took the port between our probe and the bind
            }
        }
        throw last;
    }

    /** DynamoDB Local prints its configuration on start; the server's own lines say what matters. */
    private static DynamoDBProxyServer quietly(String[] args) throws Exception {
        SQLITE_LOG.setLevel(java.util.logging.Level.SEVERE);
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args);
            server.start();
            return server;
        } finally {
            System.setOut(out);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /** A client for DynamoDB Local; any key works there, but the SDK will not sign without one. */
    DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * The settings through which the handlers' standard SDK configuration finds this DynamoDB Local:
     * system properties, because a running JVM cannot change its own environment variables.
     */
    Map<String, String> sdkProperties() {
        return Map.of(
                "aws.region", REGION,
                "aws.accessKeyId", "local",
                "aws.secretAccessKey", "local",
                "aws.endpointUrlDynamoDb", endpoint.toString());
    }

    @Override
    public void close() throws Exception {
        if (server.isPresent()) {
            server.get().stop();
        }
    }

    /** sqlite4java loads its native library from a directory; ours ride in the jar and are unpacked once. */
    private static synchronized void prepareNativeLibraries() throws IOException {
        if (System.getProperty("sqlite4java.library.path") != null) {
            return;
        }
        Path dir = Files.createTempDirectory("inlagg-sqlite4java");
        dir.toFile().deleteOnExit();
        for (String name : NATIVE_LIBRARIES) {
            try (InputStream in = LocalDynamo.class.getResourceAsStream("/sqlite4java/" + name)) {
                if (in != null) {
                    Path target = dir.resolve(name);
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    target.toFile().deleteOnExit();
                }
            }
        }
        System.setProperty("sqlite4java.library.path", dir.toString());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
