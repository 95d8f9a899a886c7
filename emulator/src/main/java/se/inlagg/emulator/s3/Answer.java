package se.inlagg.emulator.s3;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one request is answered: a status, headers, and either no body, some bytes or a stream of known length. */
final class Answer {

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] bytes;
    private InputStream stream;
    private long length = -1;

    private Answer(int status) {
        this.status = status;
    }

    static Answer of(int status) {
        return new Answer(status);
    }

    static Answer xml(int status, XmlWriter xml) {
        return new Answer(status).header("Content-Type", "application/xml").bytes(xml.bytes());
    }

    Answer header(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    Answer bytes(byte[] body) {
        this.bytes = body;
        this.length = body.length;
        return this;
    }

    /** A body read from {@code in} (closed after sending) of exactly {@code length} bytes. */
    Answer stream(InputStream in, long length) {
        this.stream = in;
        this.length = length;
        return this;
    }

    /** For HEAD: the length the body would have, sent as Content-Length with no body. */
    Answer lengthOnly(long length) {
        this.length = length;
        return this;
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    byte[] bytes() {
        return bytes;
    }

    InputStream stream() {
        return stream;
    }

    /** The body's length, or -1 for none. */
    long length() {
        return length;
    }
}
