package se.inlagg.emulator.s3;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The additional checksums S3 accepts ({@code x-amz-checksum-<name>}, as a header or an aws-chunked
 * trailer): current SDKs send CRC32 with every upload, and S3 refuses a body that does not match.
 */
enum ChecksumAlgorithm {
    CRC32, CRC32C, CRC64NVME, SHA1, SHA256;

    /** A running checksum of a body. */
    interface Running {
        void update(byte[] bytes, int offset, int length);

        /** The value as S3 writes it: the checksum's big-endian bytes in base64. */
        String base64();
    }

    String header() {
        return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
    }

    /** The algorithm a header or trailer name ({@code x-amz-checksum-crc32}) stands for, or null. */
    static ChecksumAlgorithm ofHeader(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        for (ChecksumAlgorithm a : values()) {
            if (a.header().equals(lower)) {
                return a;
            }
        }
        return null;
    }

    Running start() {
        return switch (this) {
            case CRC32 -> crc(new CRC32(), 4);
            case CRC32C -> crc(new CRC32C(), 4);
            case CRC64NVME -> crc(new Crc64Nvme(), 8);
            case SHA1 -> digest("SHA-1");
            case SHA256 -> digest("SHA-256");
        };
    }

    private static Running crc(Checksum checksum, int width) {
        return new Running() {
            public void update(byte[] bytes, int offset, int length) {
                checksum.update(bytes, offset, length);
            }

            public String base64() {
                ByteBuffer value = ByteBuffer.allocate(8).putLong(checksum.getValue());
                return Base64.getEncoder().encodeToString(Arrays.copyOfRange(value.array(), 8 - width, 8));
            }
        };
    }

    private static Running digest(String name) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new Running() {
            public void update(byte[] bytes, int offset, int length) {
                digest.update(bytes, offset, length);
            }

            public String base64() {
                return Base64.getEncoder().encodeToString(digest.digest());
            }
        };
    }
}
