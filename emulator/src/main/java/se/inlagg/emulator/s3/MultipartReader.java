package se.inlagg.emulator.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a multipart/form-data body (RFC 7578) one part at a time, without holding a part in memory:
 * each part's bytes are a stream that ends at the next boundary, so a file part can go straight to
 * disk. A body that ends before its closing boundary is malformed.
 */
final class MultipartReader {

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_PART_HEADERS = 16 * 1024;

    /** One part: its headers (names in lower case) and its bytes, to be read before asking for the next part. */
    record Part(Map<String, String> headers, String name, String filename, InputStream body) {
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer;
    private int position;
    private int limit;
    private boolean finished;
    private PartStream current;

    MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buffer = new byte[Math.max(BUFFER, delimiter.length * 4)];
        // The first boundary has no CRLF before it; pretend it has, so one search finds every boundary.
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /** The boundary parameter of a multipart/form-data Content-Type, or null when it is not one. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length()).strip();
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                return b.isEmpty() || b.length() > 70 ? null : b;
            }
        }
        return null;
    }

    /** The next part, or null after the closing boundary. Skips whatever of the current part was not read. */
    Part next() throws IOException {
        if (current != null) {
            current.skipToEnd();
            current = null;
        } else if (!finished) {
            // Before the first part: skip the preamble up to the first boundary.
            new PartStream().skipToEnd();
        }
        if (finished) {
            return null;
        }
        Map<String, String> headers = headers();
        String disposition = headers.getOrDefault("content-disposition", "");
        Map<String, String> parameters = parameters(disposition);
        current = new PartStream();
        return new Part(headers, parameters.get("name"), parameters.get("filename"), current);
    }

    /** After a boundary: "--" ends the body, CRLF starts a part's headers, which end at an empty line. */
    private Map<String, String> headers() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        while (true) {
            int c = readByte();
            if (c < 0) {
                throw malformed();
            }
            if (++total > MAX_PART_HEADERS) {
                throw malformed();
            }
            if (c != '\n') {
                line.write(c);
                continue;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.isEmpty()) {
                return headers;
            }
            int colon = text.indexOf(':');
            if (colon > 0) {
                headers.put(text.substring(0, colon).strip().toLowerCase(Locale.ROOT), text.substring(colon + 1).strip());
            }
        }
    }

    /** {@code form-data; name="key"; filename="bild.png"}: the quoted (or bare) parameters, names in lower case. */
    private static Map<String, String> parameters(String disposition) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = disposition.indexOf(';');
        while (i >= 0 && i < disposition.length()) {
            int eq = disposition.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = disposition.substring(i + 1, eq).strip().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            int j = eq + 1;
            while (j < disposition.length() && disposition.charAt(j) == ' ') {
                j++;
            }
            if (j < disposition.length() && disposition.charAt(j) == '"') {
                j++;
                while (j < disposition.length() && disposition.charAt(j) != '"') {
                    char c = disposition.charAt(j);
                    if (c == '\\' && j + 1 < disposition.length()) {
                        c = disposition.charAt(++j);
                    }
                    value.append(c);
                    j++;
                }
                j = disposition.indexOf(';', j);
            } else {
                int end = disposition.indexOf(';', j);
                value.append(disposition, j, end < 0 ? disposition.length() : end);
                j = end;
            }
            parameters.put(name, value.toString().strip());
            i = j;
        }
        return parameters;
    }

    private int readByte() throws IOException {
        if (position == limit && fill() < 0) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    /** Moves unread bytes to the front and reads more: how many came, or -1 at the end of the body. */
    private int fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n > 0) {
            limit += n;
        }
        return n;
    }

    private static S3Error malformed() {
        return new S3Error(400, "MalformedPOSTRequest", "The body of your POST request is not well-formed multipart/form-data.");
    }

    /** A part's bytes: everything up to the next delimiter, which it consumes when it reaches it. */
    private final class PartStream extends InputStream {

        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] out, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            while (true) {
                int found = indexOfDelimiter();
                if (found == position) {
                    position += delimiter.length;
                    afterDelimiter();
                    return -1;
                }
                // Bytes before a delimiter, or before where one could still begin, are the part's.
                int safe = found >= 0 ? found : limit - delimiter.length + 1;
                if (safe > position) {
                    int n = Math.min(length, safe - position);
                    System.arraycopy(buffer, position, out, offset, n);
                    position += n;
                    return n;
                }
                if (fill() < 0) {
                    // The body ended without its closing boundary.
                    throw malformed();
                }
            }
        }

        private int indexOfDelimiter() {
            outer:
            for (int i = position; i <= limit - delimiter.length; i++) {
                for (int k = 0; k < delimiter.length; k++) {
                    if (buffer[i + k] != delimiter[k]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        /** A boundary is followed by "--" (the end) or by CRLF (another part), perhaps after spaces. */
        private void afterDelimiter() throws IOException {
            ended = true;
            int a = readByte();
            int b = readByte();
            if (a == '-' && b == '-') {
                finished = true;
                return;
            }
            while (a == ' ' || a == '\t') {
                a = b;
                b = readByte();
            }
            if (a != '\r' || b != '\n') {
                throw malformed();
            }
        }

        void skipToEnd() throws IOException {
            byte[] sink = new byte[BUFFER];
            while (read(sink, 0, sink.length) >= 0) {
                // Discarding: the caller did not want the rest of this part.
            }
        }
    }
}
