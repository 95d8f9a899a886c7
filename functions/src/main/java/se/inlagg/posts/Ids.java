package se.inlagg.posts;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Makes post ids. A fresh SecureRandom per id, because a random generator created before a
 * SnapStart snapshot would hand every restored copy of the function the same sequence.
 */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (b[i] & 0xff);
            lo = (lo << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(hi, lo).toString();
    }
}
