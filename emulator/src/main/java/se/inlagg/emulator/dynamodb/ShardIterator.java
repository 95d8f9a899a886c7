package se.inlagg.emulator.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A shard iterator: which stream, the next sequence number to read, and when it was handed out (it expires after 15 minutes). */
record ShardIterator(String streamArn, long position, long issuedMillis) {

    static final long LIFETIME_MILLIS = 15 * 60 * 1000;

    String encode() {
        String plain = position + "|" + issuedMillis + "|" + streamArn;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static ShardIterator decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 3);
            return new ShardIterator(parts[2], Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw ServiceError.validation("Invalid ShardIterator");
        }
    }

    /** Sequence numbers as AWS shows them: decimal strings of at least 21 digits. */
    static String sequenceText(long sequence) {
        return "4" + String.format("%020d", sequence);
    }

    static long sequenceOf(String text) {
        try {
            if (text.length() < 21 || text.charAt(0) != '4') {
                throw new NumberFormatException(text);
            }
            return Long.parseLong(text.substring(1));
        } catch (RuntimeException e) {
            throw ServiceError.validation("Invalid SequenceNumber: " + text);
        }
    }
}
