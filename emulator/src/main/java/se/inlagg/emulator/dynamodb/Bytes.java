package se.inlagg.emulator.dynamodb;

import java.util.Arrays;
import java.util.Base64;

/** A binary value with value equality and DynamoDB's unsigned byte order, which byte[] lacks. */
record Bytes(byte[] data) implements Comparable<Bytes> {

    Bytes {
        data = data.clone();
    }

    static Bytes fromBase64(String base64) {
        return new Bytes(Base64.getDecoder().decode(base64));
    }

    String base64() {
        return Base64.getEncoder().encodeToString(data);
    }

    int length() {
        return data.length;
    }

    boolean startsWith(Bytes prefix) {
        return data.length >= prefix.data.length
                && Arrays.equals(data, 0, prefix.data.length, prefix.data, 0, prefix.data.length);
    }

    boolean contains(Bytes part) {
        for (int from = 0; from + part.data.length <= data.length; from++) {
            if (Arrays.equals(data, from, from + part.data.length, part.data, 0, part.data.length)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(data, other.data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return base64();
    }
}
