package se.inlagg.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class with one local server of its own, on a free port and a fresh data folder. */
abstract class ServerTest {

    static ServerExtension env;
    static Http http;

    @BeforeAll
    static void startServer() throws Exception {
        env = new ServerExtension();
        http = env.http;
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (env != null) { // null when the set-up was skipped (no LocalStack here)
            env.close();
            env = null; // shared by every subclass: the next one starts from nothing
        }
    }
}
