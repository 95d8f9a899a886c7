package se.inlagg.emulator.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The payload of an {@code aws-chunked} upload, which current SDKs send for PutObject: chunks of
 * {@code <hex size>[;chunk-signature=…]\r\n<bytes>\r\n}, a last chunk of size 0, then trailing
 * headers (the checksum) and an empty line. Chunk signatures are not checked; the trailers are kept.
 */
final class AwsChunkedInputStream extends InputStream {

    private static final int MAX_LINE = 8 * 1024;

    private final InputStream in;
    private final Map<String, String> trailers = new LinkedHashMap<>();
    private long remaining;
    private boolean started;
    private boolean done;

    AwsChunkedInputStream(InputStream in) {
        this.in = in;
    }

    /** The trailing headers, names in lower case; complete once the stream has been read to its end. */
    Map<String, String> trailers() {
        return trailers;
    }

    @Override
    public int read() throws IOException {
        if (remaining == 0 && !nextChunk()) {
            return -1;
        }
        int b = in.read();
        if (b < 0) {
            throw malformed();
        }
        remaining--;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (remaining == 0 && !nextChunk()) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw malformed();
        }
        remaining -= n;
        return n;
    }

    /** Moves to the next chunk; false at the end, after reading the trailers. */
    private boolean nextChunk() throws IOException {
        if (done) {
            return false;
        }
        if (started && !line().isEmpty()) {
            throw malformed();
        }
        started = true;
        String header = line();
        int semicolon = header.indexOf(';');
        String hex = (semicolon < 0 ? header : header.substring(0, semicolon)).strip();
        try {
            remaining = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw malformed();
        }
        if (remaining < 0) {
            throw malformed();
        }
        if (remaining == 0) {
            readTrailers();
            done = true;
            return false;
        }
        return true;
    }

    private void readTrailers() throws IOException {
        String line;
        while ((line = lineOrEnd()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                trailers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
    }

    private String line() throws IOException {
        String line = lineOrEnd();
        if (line == null) {
            throw malformed();
        }
        return line;
    }

    /** One CRLF-ended line, or null at the end of the stream. */
    private String lineOrEnd() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] b = bytes.toByteArray();
                int end = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (bytes.size() >= MAX_LINE) {
                throw malformed();
            }
            bytes.write(c);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static S3Error malformed() {
        return new S3Error(400, "IncompleteBody", "The request body terminated unexpectedly or is not valid aws-chunked encoding");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
