package se.inlagg.emulator.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Copies a request body to where it is staged, computing its MD5 (the ETag) and checksum on the way, and stops at a size limit. */
final class Intake {

    private static final int BUFFER = 64 * 1024;

    private Intake() {
    }

    /** What the copy saw: the size, the MD5 in hex and the checksum (or null). */
    record Digests(long size, String md5Hex, String checksum) {
    }

    /**
     * @throws S3Error EntityTooLarge as soon as the body passes {@code limit} bytes, without reading the rest
     */
    static Digests copy(InputStream in, OutputStream out, long limit, ChecksumAlgorithm algorithm) throws IOException {
        MessageDigest md5 = md5();
        ChecksumAlgorithm.Running checksum = algorithm == null ? null : algorithm.start();
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            size += n;
            if (size > limit) {
                throw S3Error.entityTooLarge(-1, limit);
            }
            md5.update(buffer, 0, n);
            if (checksum != null) {
                checksum.update(buffer, 0, n);
            }
            out.write(buffer, 0, n);
        }
        return new Digests(size, HexFormat.of().formatHex(md5.digest()), checksum == null ? null : checksum.base64());
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
