package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sha256Test {

    /** FIPS 180-2's own example, and the hex every stored token hash and request fingerprint is kept in. */
    @Test
    void hashesUtf8AsTheStandardsExampleSays() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
        assertEquals(Sha256.hex("å"), HexFormat.of().formatHex(Sha256.of(new byte[] {(byte) 0xC3, (byte) 0xA5})), "UTF-8");
    }
}
