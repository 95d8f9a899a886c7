package se.inlagg.images;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Uploads made by damaging real pictures at random, as a seeded fuzzer does (bits flipped, bytes put in, taken out or
 * repeated, files cut short), each carrying its camera's words in EXIF, XMP, a comment or a text chunk. Of those the site
 * takes (its upload's check passes) and a browser can show, none is given to readers with those words in it, and none
 * makes the save throw. (A WebP's words taken into a picture chunk made longer are not counted: only a decoder, which the
 * JDK has not for WebP, could tell that they draw nothing.) Seeded, so a failure is the same on every run; {@code -Dpictures.mutations=N} runs more.
 */
class PicturesMutatedTest {

    static final String SECRET = "Ystad GPS 55.43N";
    static final long SEED = 20_261_206L;
    static final int CASES = Integer.getInteger("pictures.mutations", 20_000);

    record Seed(String name, ImageType type, byte[] bytes) {
    }

    static List<Seed> seeds() {
        byte[] camera = Pictures.fromCamera(120, 90, 6, SECRET);
        byte[] comment = Pictures.text(SECRET);
        byte[] withComment = Pictures.concat(Arrays.copyOf(camera, 2), new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) (comment.length + 2)},
                comment, Arrays.copyOfRange(camera, 2, camera.length));
        byte[] png = Pictures.png(60, 40);
        byte[] pngWithText = PictureForReadersKindsTest.afterIhdr(png, PictureForReadersKindsTest.chunk("tEXt", Pictures.text("Location\0" + SECRET)));
        byte[] pngWithExif = PictureForReadersKindsTest.afterIhdr(png, PictureForReadersKindsTest.chunk("eXIf", Pictures.text("MM\0*" + SECRET)));
        return List.of(new Seed("JPEG with EXIF", ImageType.JPEG, camera), new Seed("JPEG with EXIF and a comment", ImageType.JPEG, withComment),
                new Seed("PNG with text", ImageType.PNG, pngWithText), new Seed("PNG with EXIF", ImageType.PNG, pngWithExif),
                new Seed("WebP with EXIF and XMP", ImageType.WEBP, Pictures.webpFromCamera(60, 40, SECRET)));
    }

    /** One damage of several kinds, as a mutation fuzzer's. */
    static byte[] mutated(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int kind = random.nextInt(5);
        int at = random.nextInt(b.length);
        return switch (kind) {
            case 0 -> {
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    int p = random.nextInt(b.length);
                    b[p] ^= (byte) (1 << random.nextInt(8));
                }
                yield b;
            }
            case 1 -> Arrays.copyOf(b, Math.max(1, at));
            case 2 -> {
                byte[] put = new byte[1 + random.nextInt(16)];
                random.nextBytes(put);
                yield Pictures.concat(Arrays.copyOf(b, at), put, Arrays.copyOfRange(b, at, b.length));
            }
            case 3 -> Pictures.concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, Math.min(b.length, at + 1 + random.nextInt(32)), b.length));
            default -> {
                int length = Math.min(b.length - at, 1 + random.nextInt(64));
                yield Pictures.concat(Arrays.copyOf(b, at + length), Arrays.copyOfRange(b, at, b.length));
            }
        };
    }

    /** Whether the upload's check takes it (ImageService.inspect's rules, on bytes in memory). */
    static Optional<ImageType> taken(byte[] file) {
        ImageHeader.Bytes bytes = ImageHeader.Bytes.of(file);
        return ImageHeader.read(bytes).filter(h -> h.width() <= UploadPolicy.MAX_SIDE_PIXELS && h.height() <= UploadPolicy.MAX_SIDE_PIXELS
                && (long) h.width() * h.height() <= UploadPolicy.MAX_PIXELS)
                .filter(h -> ImageHeader.reachesPictureData(h.type(), bytes, file.length)).map(ImageHeader::type);
    }

    /** Whether a browser would show it, as far as the JDK can tell: a JPEG or PNG it decodes; a WebP, which it cannot read, always. */
    static boolean shown(byte[] file, ImageType type) {
        if (type == ImageType.WEBP) {
            return true;
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(file)) != null;
        } catch (Exception | Error e) {
            return false;
        }
    }

    /**
     * Whether a WebP's byte at {@code at} lies in a chunk that draws it: a picture chunk whose length was made longer takes
     * the EXIF after it into its bitstream, as a decoder would read it, and only a decoder could tell that it draws nothing.
     */
    static boolean drawnWith(byte[] webp, int at) {
        long end = Math.min(webp.length, 8 + (ByteBuffer.wrap(webp, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL));
        long chunk = 12;
        while (chunk + 8 <= end) {
            long length = ByteBuffer.wrap(webp, (int) chunk + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            String name = new String(webp, (int) chunk, 4, StandardCharsets.ISO_8859_1);
            if (at >= chunk + 8 && at < chunk + 8 + length) {
                return List.of("VP8 ", "VP8L", "ALPH", "ANMF").contains(name);
            }
            chunk += 8 + length + (length & 1);
        }
        return false;
    }

    @Test
    void noDamagedPictureASiteTakesGivesReadersItsCamerasWords() {
        Random random = new Random(SEED);
        Map<String, int[]> tally = new LinkedHashMap<>();
        List<String> leaks = new ArrayList<>();
        List<Seed> seeds = seeds();
        for (int n = 0; n < CASES; n++) {
            Seed seed = seeds.get(n % seeds.size());
            byte[] upload = mutated(seed.bytes(), random);
            Optional<ImageType> type = taken(upload);
            int[] t = tally.computeIfAbsent(seed.name(), k -> new int[3]);
            t[0]++;
            if (type.isEmpty()) {
                continue;
            }
            t[1]++;
            byte[] forReaders = PictureForReaders.of(upload, type.get()).map(PictureForReaders.Made::bytes).orElse(upload);
            int words = PicturesFuzzedTest.text(forReaders).indexOf(SECRET);
            if (words >= 0 && shown(upload, type.get()) && !(type.get() == ImageType.WEBP && drawnWith(forReaders, words))) {
                t[2]++;
                leaks.add("case " + n + " (" + seed.name() + ")");
            }
        }
        tally.forEach((name, t) -> System.out.printf("%-30s %5d cases, %5d taken, %3d with the camera's words served%n", name, t[0], t[1], t[2]));
        assertTrue(leaks.isEmpty(), leaks.size() + " served with the camera's words: " + leaks.subList(0, Math.min(20, leaks.size())));
    }
}
