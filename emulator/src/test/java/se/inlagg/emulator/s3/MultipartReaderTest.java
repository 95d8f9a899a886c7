package se.inlagg.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The streaming multipart parser, fed as a slow network would feed it. */
class MultipartReaderTest {

    /** Hands out at most a few bytes per read, so boundaries fall across reads. */
    private static InputStream trickle(byte[] bytes, int step) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    private static byte[] form(byte[] file) {
        String head = "preamble\r\n--gräns\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nuploads/${filename}\r\n"
                + "--gräns\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\bilder\\\\bild.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n";
        byte[] start = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] end = "\r\n--gräns--\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(start, start.length + file.length + end.length);
        System.arraycopy(file, 0, all, start.length, file.length);
        System.arraycopy(end, 0, all, start.length + file.length, end.length);
        return all;
    }

    @Test
    void partsArriveWholeWhateverTheReadSizes() throws IOException {
        // A file that contains most of a boundary, and every byte value.
        byte[] file = new byte[70_000];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) i;
        }
        byte[] almost = "\r\n--grän".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(almost, 0, file, 1000, almost.length);
        for (int step : new int[] {1, 3, 7, 4096, 100_000}) {
            MultipartReader reader = new MultipartReader(trickle(form(file), step), "gräns");
            MultipartReader.Part key = reader.next();
            assertEquals("key", key.name());
            assertEquals("uploads/${filename}", new String(key.body().readAllBytes(), StandardCharsets.UTF_8));
            MultipartReader.Part part = reader.next();
            assertEquals("file", part.name());
            assertEquals("C:\\bilder\\bild.png", part.filename());
            assertEquals("image/png", part.headers().get("content-type"));
            assertArrayEquals(file, part.body().readAllBytes(), "read " + step + " bytes at a time");
            assertNull(reader.next());
        }
    }

    @Test
    void aBodyWithoutItsClosingBoundaryIsMalformed() throws IOException {
        byte[] whole = form("bild".getBytes(StandardCharsets.US_ASCII));
        byte[] cut = Arrays.copyOf(whole, whole.length - 12);
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(cut), "gräns");
        reader.next().body().readAllBytes();
        InputStream file = reader.next().body();
        S3Error e = assertThrows(S3Error.class, file::readAllBytes);
        assertEquals("MalformedPOSTRequest", e.code());
    }

    @Test
    void theBoundaryIsTakenFromTheContentType() {
        assertEquals("abc", MultipartReader.boundary("multipart/form-data; boundary=abc"));
        assertEquals("a b", MultipartReader.boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\""));
        assertNull(MultipartReader.boundary("application/x-www-form-urlencoded"));
        assertNull(MultipartReader.boundary(null));
    }

    /** RFC 2046 allows a boundary of up to 70 characters: the longest is taken, one more is no boundary. */
    @Test
    void aBoundaryOfSeventyCharactersIsTheLongestTaken() {
        String longest = "-".repeat(40) + "WebKitFormBoundary" + "x".repeat(12);
        assertEquals(70, longest.length());
        assertEquals(longest, MultipartReader.boundary("multipart/form-data; boundary=" + longest));
        assertNull(MultipartReader.boundary("multipart/form-data; boundary=" + longest + "x"));
    }
}
