package se.inlagg.emulator.s3;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A request body with what the request says about it: its length (after aws-chunked decoding),
 * its Content-MD5 and its additional checksum, from a header or a trailer. Sizes are checked before
 * reading, digests after; a mismatch refuses the body as S3 does (BadDigest, IncompleteBody).
 */
final class UploadBody {

    /** The most an XML request body (a batch delete of 1,000 long keys, at most) may hold. */
    private static final int MAX_XML = 4 * 1024 * 1024;

    private final InputStream stream;
    private final AwsChunkedInputStream chunked;
    private final long length;
    private final byte[] contentMd5;
    private final ChecksumAlgorithm algorithm;
    private final String expected;

    private UploadBody(InputStream stream, AwsChunkedInputStream chunked, long length, byte[] contentMd5,
                       ChecksumAlgorithm algorithm, String expected) {
        this.stream = stream;
        this.chunked = chunked;
        this.length = length;
        this.contentMd5 = contentMd5;
        this.algorithm = algorithm;
        this.expected = expected;
    }

    /**
     * Reads the request's headers about its body and refuses it early when it says it is over {@code max} bytes.
     */
    static UploadBody of(S3Request request, long max) {
        byte[] md5 = contentMd5(request.header("Content-MD5"));
        ChecksumAlgorithm algorithm = null;
        String expected = null;
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            String value = request.header(a.header());
            if (value != null) {
                if (algorithm != null) {
                    throw S3Error.invalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
                }
                algorithm = a;
                expected = checkedValue(a, value.strip());
            }
        }
        boolean awsChunked = isAwsChunked(request);
        if (awsChunked && algorithm == null && request.header("x-amz-trailer") != null) {
            algorithm = ChecksumAlgorithm.ofHeader(request.header("x-amz-trailer"));
            if (algorithm == null) {
                throw S3Error.invalidRequest("The value specified in the x-amz-trailer header is not supported");
            }
        }
        long length = awsChunked ? decodedLength(request) : request.contentLength();
        if (length > max) {
            throw S3Error.entityTooLarge(length, max);
        }
        InputStream raw = request.body();
        AwsChunkedInputStream chunked = awsChunked ? new AwsChunkedInputStream(new BufferedInputStream(raw, 64 * 1024)) : null;
        return new UploadBody(chunked != null ? chunked : raw, chunked, length, md5, algorithm, expected);
    }

    private static boolean isAwsChunked(S3Request request) {
        String encoding = request.header("Content-Encoding");
        String sha = request.header("x-amz-content-sha256");
        return (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("aws-chunked"))
                || (sha != null && sha.startsWith("STREAMING-"));
    }

    private static long decodedLength(S3Request request) {
        String value = request.header("x-amz-decoded-content-length");
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw S3Error.invalidArgument("Invalid x-amz-decoded-content-length", "x-amz-decoded-content-length", value);
        }
    }

    private static byte[] contentMd5(String header) {
        if (header == null) {
            return null;
        }
        try {
            byte[] md5 = Base64.getDecoder().decode(header.strip());
            if (md5.length == 16) {
                return md5;
            }
        } catch (IllegalArgumentException e) {
            // Falls through to S3's answer for a digest that is not one.
        }
        throw new S3Error(400, "InvalidDigest", "The Content-MD5 you specified was invalid.").with("Content-MD5", header);
    }

    private static String checkedValue(ChecksumAlgorithm algorithm, String value) {
        try {
            Base64.getDecoder().decode(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw S3Error.invalidRequest("Value for " + algorithm.header() + " header is invalid.");
        }
    }

    InputStream stream() {
        return stream;
    }

    /** The checksum to compute while receiving, or null when the request names none. */
    ChecksumAlgorithm algorithm() {
        return algorithm;
    }

    /** Compares what was received with what the request announced. */
    void verify(Staged staged) {
        if (length >= 0 && staged.size() != length) {
            throw new S3Error(400, "IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header");
        }
        if (contentMd5 != null && !HexFormat.of().formatHex(contentMd5).equals(staged.md5Hex())) {
            throw new S3Error(400, "BadDigest", "The Content-MD5 you specified did not match what we received.")
                    .with("ExpectedDigest", HexFormat.of().formatHex(contentMd5)).with("CalculatedDigest", staged.md5Hex());
        }
        String announced = announcedChecksum();
        if (algorithm != null && announced != null && !announced.equals(staged.checksum())) {
            throw new S3Error(400, "BadDigest", "The " + algorithm.name() + " you specified did not match the calculated checksum.");
        }
    }

    /** The checksum to keep with the object: the one the request sent and the body matched, or null. */
    StoredObject.Checksum checksum(Staged staged) {
        return algorithm == null || announcedChecksum() == null ? null : new StoredObject.Checksum(algorithm, staged.checksum());
    }

    private String announcedChecksum() {
        if (expected != null) {
            return expected;
        }
        return chunked == null || algorithm == null ? null : chunked.trailers().get(algorithm.header());
    }

    /** A small body (XML), read whole and checked against its Content-MD5 or checksum, one of which S3 requires for some operations. */
    static byte[] readSmall(S3Request request, boolean integrityRequired) {
        UploadBody body = of(request, MAX_XML);
        if (integrityRequired && body.contentMd5 == null && body.algorithm == null) {
            throw S3Error.invalidRequest("Missing required header for this request: Content-MD5 OR x-amz-checksum-*");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Intake.Digests digests = Intake.copy(body.stream, bytes, MAX_XML, body.algorithm);
            body.verify(new Staged("", digests.size(), digests.md5Hex(), digests.checksum(), null));
        } catch (IOException e) {
            throw new S3Error(400, "IncompleteBody", "The request body terminated unexpectedly");
        }
        return bytes.toByteArray();
    }
}
