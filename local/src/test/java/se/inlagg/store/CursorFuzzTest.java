package se.inlagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import se.inlagg.local.SameOnEveryBackend;

/** Any text as a cursor: refused or understood, never an exception, and what is understood round-trips. */
@SameOnEveryBackend
class CursorFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyCursorIsDecodedOrRefusedAndDecodedOnesRoundTrip(byte[] data) {
        String cursor = new String(data, StandardCharsets.UTF_8);
        Cursors.decode(cursor).ifPresent(position ->
                assertEquals(position, Cursors.decode(Cursors.encode(position)).orElseThrow()));
    }
}
