package se.inlagg.images;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import se.inlagg.ops.Log;
import se.inlagg.posts.Image;

/**
 * The file readers get of an uploaded picture, made from it when the upload is not fit to be shown as it is: a phone's
 * photo of 4,032 by 3,024 pixels and 3 to 10 MB, where the page's column is 672 pixels wide (1,344 device pixels on a
 * laptop's screen, 1,074 on a phone's), is made at most {@link #LONGEST_SIDE} pixels on its longer side; one stored on its side is turned upright,
 * as browsers show it; and what its camera knew (EXIF's place the photo was taken and the device, XMP, IPTC), which
 * every reader could otherwise read out of the file, is left out (PictureMetadata). A JPEG stays a JPEG and a PNG a
 * PNG, so the picture's name and type are the upload's. A picture no larger than readers get only loses its metadata,
 * byte for byte otherwise: no new encoding, no loss.
 *
 * <p>The JDK's own decoders and encoders (javax.imageio), loaded only when a picture is saved: no library, and nothing
 * at a cold start. Kept as uploaded, as every picture was before (the site never refuses a picture because it could not
 * make it smaller): a WebP, which the JDK cannot read; a CMYK or YCCK JPEG, which the JDK converts a pixel at a time (a
 * quarter of a minute for 12 megapixels); a progressive JPEG over {@link #MOST_PROGRESSIVE_PIXELS}; a large PNG that
 * names its colours, which the JDK's reader does not apply; and anything not made within {@link #BUDGET} or that fails
 * (logged). Their metadata is taken out all the same.
 */
final class PictureForReaders {

    /**
     * The longest side readers get, in pixels: the column's 672 at 2.4 device pixels to one, a phone's 358 at 3 and more.
     * More would be bytes every reader waits for (a photo's 2,000 pixels are half as many bytes again) that few screens show.
     */
    static final int LONGEST_SIDE = 1_600;
    /**
     * Pictures of more pixels than this are not made smaller (only their metadata is taken out): decoding one takes seconds
     * and, for a progressive JPEG, some hundreds of megabytes outside the heap. Phones' and most cameras' photos are
     * within it (12 to 50 megapixels).
     */
    static final long MOST_PIXELS = 50_000_000L;
    /**
     * How long the making may take before the picture is kept as uploaded instead: the save's function has 15 s and about
     * 0.6 of a core, and a file that is small but slow to decode (a progressive JPEG, a 16-bit PNG of one colour, some
     * hundred times its size in pixels) must not take the save past it.
     */
    static final Duration BUDGET = Duration.ofSeconds(4);
    /**
     * A progressive JPEG of more pixels than this is not made smaller: its decoder reads the whole file before it gives a
     * line, so the budget cannot stop it (27 megapixels took 3 s on the development machine's core, twice that on Lambda's
     * share). Cameras and phones write baseline JPEGs.
     */
    static final long MOST_PROGRESSIVE_PIXELS = 12_000_000L;
    /** JPEG quality of a picture made here: no difference a reader sees from the camera's, a seventh of its bytes. */
    static final float JPEG_QUALITY = 0.85f;

    /** The file made, its size in pixels as shown, and its type: the upload's, or a JPEG made of a photo sent as a PNG. */
    record Made(byte[] bytes, Image.Size size, ImageType type) {
    }

    /**
     * A PNG made smaller is stored as a JPEG where the PNG would be more than this many times the JPEG's size: a photo
     * sent as a PNG (a 2,000-pixel PNG of a photo was 7 MB, its JPEG 0.3), while a screenshot or a drawing, whose PNG is
     * small and whose text a JPEG would blur, stays a PNG. Never one with transparency.
     */
    static final int PHOTO_AS_PNG = 4;

    /** Stops a reading that has run past its budget (ImageReader.abort, asked again until the reading ends). */
    private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("picture-budget").unstarted(r));

    static {
        // No screen: java.desktop's images and colours only (the JDK takes it so without DISPLAY; said, not guessed).
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // In memory: ImageIO's streams otherwise buffer through files in the temporary folder, for nothing here.
        ImageIO.setUseCache(false);
    }

    private PictureForReaders() {
    }

    /**
     * The file readers get of this upload, or empty when the upload is to be kept as it is: fit already (no metadata,
     * upright and no larger than readers get), or one not made (above; logged).
     */
    static Optional<Made> of(byte[] file, ImageType type) {
        return of(file, type, BUDGET);
    }

    /** The same within this budget. */
    static Optional<Made> of(byte[] file, ImageType type, Duration budget) {
        ImageHeader.Bytes bytes = ImageHeader.Bytes.of(file);
        Optional<ImageHeader> header = ImageHeader.read(bytes);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Image.Size shown = new Image.Size(header.get().width(), header.get().height());
        if (type == ImageType.WEBP) {
            // The JDK reads no WebP: its metadata out, its pixels as they are.
            return PictureMetadata.withoutWebpMetadata(file).map(stripped -> new Made(stripped, shown, type));
        }
        long pixels = (long) shown.width() * shown.height();
        boolean jpeg = type == ImageType.JPEG;
        int orientation = jpeg ? ImageHeader.orientation(bytes) : 1;
        // Made smaller only where it is larger than readers get and can be decoded in time and in its own colours: not
        // print's CMYK, not a large progressive JPEG, not a PNG that names its colours.
        boolean makeSmaller = Math.max(shown.width(), shown.height()) > LONGEST_SIDE && pixels <= MOST_PIXELS && (jpeg
                ? ImageHeader.jpegComponents(bytes) != 4 && !(ImageHeader.jpegProgressive(bytes) && pixels > MOST_PROGRESSIVE_PIXELS)
                : !PictureMetadata.pngNamesItsColours(file));
        // Otherwise, or where the making fails: its metadata out, its pixels as they are.
        return (makeSmaller ? made(file, type, orientation, budget) : Optional.<Made>empty()).or(() -> (jpeg
                ? PictureMetadata.withoutJpegMetadata(file, orientation) : PictureMetadata.withoutPngMetadata(file))
                .map(stripped -> new Made(stripped, shown, type)));
    }

    /** Decoded, made smaller, turned upright and encoded anew, within the budget; empty, logged, when not. */
    private static Optional<Made> made(byte[] file, ImageType type, int orientation, Duration budget) {
        try {
            Optional<BufferedImage> decoded = decode(file, type, budget);
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            BufferedImage upright = turned(decoded.get(), orientation);
            Image.Size size = new Image.Size(upright.getWidth(), upright.getHeight());
            byte[] made = encode(upright, type);
            ImageType madeType = type;
            if (type == ImageType.PNG && !upright.getColorModel().hasAlpha()) {
                byte[] jpeg = encode(upright, ImageType.JPEG);
                if (made.length > PHOTO_AS_PNG * (long) jpeg.length) {
                    made = jpeg;
                    madeType = ImageType.JPEG;
                }
            }
            if (made.length >= file.length) {
                // Smaller in pixels but not in bytes (a PNG the JDK compresses less well than its maker did): readers get
                // fewer bytes as it was sent.
                return Optional.empty();
            }
            return Optional.of(new Made(made, size, madeType));
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            // An OutOfMemoryError here is this one picture's, its buffers unreachable once it is thrown: the save goes on with
            // the upload as it is, rather than answer nothing and lose the words typed for it.
            Log.warn("picture_kept_as_uploaded", "type", type.label(), "error", e.getClass().getSimpleName(),
                    "message", String.valueOf(e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Makes small pictures as a saved one is made (decoded, made smaller, turned, converted from another colour space,
     * encoded; its metadata taken out), so that the JDK's image code and colour library are loaded and compiled before a
     * SnapStart snapshot, not in an author's first save after it.
     */
    static void prime() {
        BufferedImage image = new BufferedImage(LONGEST_SIDE + 8, 8, BufferedImage.TYPE_INT_RGB);
        turned(image, 6);
        BufferedImage linear = new BufferedImage(new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB),
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE),
                Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 4, 4, 3, null), false, null);
        inSrgb(linear);
        for (ImageType type : List.of(ImageType.JPEG, ImageType.PNG)) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(image, type == ImageType.JPEG ? "jpeg" : "png", out);
                of(out.toByteArray(), type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The picture at most {@link #LONGEST_SIDE} on its longer side: read a pixel in every few, each way, where it is twice
     * the size wanted or more (the decoder then holds between one and two times the side wanted, each way), then halved
     * smoothly. Empty when the reading ran past the budget.
     */
    private static Optional<BufferedImage> decode(byte[] file, ImageType type, Duration budget) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type == ImageType.JPEG ? "jpeg" : "png");
        if (!readers.hasNext()) {
            return Optional.empty();
        }
        ImageReader reader = readers.next();
        var overrun = new AtomicBoolean();
        // Asked again and again past the budget: a reader forgets an abort asked before its reading began.
        var watch = WATCH.scheduleAtFixedRate(() -> {
            overrun.set(true);
            reader.abort();
        }, Math.max(1, budget.toMillis()), 50, TimeUnit.MILLISECONDS);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            int longest = Math.max(width, height);
            ImageReadParam param = reader.getDefaultReadParam();
            int every = Math.max(1, longest / LONGEST_SIDE);
            param.setSourceSubsampling(every, every, 0, 0);
            BufferedImage image = reader.read(0, param);
            if (overrun.get()) {
                Log.warn("picture_kept_as_uploaded", "type", type.label(), "error", "budget", "ms", budget.toMillis());
                return Optional.empty();
            }
            return Optional.of(smaller(inSrgb(image), fitted(width, height)));
        } finally {
            watch.cancel(false);
            reader.dispose();
        }
    }

    /**
     * In sRGB, as browsers take a picture that names no colour space (one in a camera's wider space, Display P3, would
     * show dull), with an alpha channel only where the picture has one. Grey is copied sample by sample: Java2D takes the
     * JDK's grey space as linear light and would lighten it.
     */
    static BufferedImage inSrgb(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        int wanted = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == wanted) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), wanted);
        ColorSpace space = image.getColorModel().getColorSpace();
        if (space.getType() == ColorSpace.TYPE_GRAY && image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            var raster = image.getRaster();
            int greyMax = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
            boolean alphaBand = alpha && raster.getNumBands() > 1;
            int alphaMax = alphaBand ? (1 << raster.getSampleModel().getSampleSize(1)) - 1 : 1;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int grey = raster.getSample(x, y, 0) * 255 / greyMax;
                    int a = alphaBand ? raster.getSample(x, y, 1) * 255 / alphaMax : 255;
                    out.setRGB(x, y, a << 24 | grey << 16 | grey << 8 | grey);
                }
            }
            return out;
        }
        if (!space.isCS_sRGB() && space.getType() != ColorSpace.TYPE_GRAY) {
            new ColorConvertOp(space, ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(image, out);
            return out;
        }
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** At most {@code longest} on its longer side: halved step by step, then scaled the last step, each bilinear. */
    static BufferedImage smaller(BufferedImage image, Image.Size wanted) {
        BufferedImage current = image;
        while (current.getWidth() != wanted.width() || current.getHeight() != wanted.height()) {
            // Halved while twice the size wanted or more (a bilinear step reads only four pixels of each), then to the size.
            boolean halve = current.getWidth() >= 2 * wanted.width() && current.getHeight() >= 2 * wanted.height();
            int width = halve ? (current.getWidth() + 1) / 2 : wanted.width();
            int height = halve ? (current.getHeight() + 1) / 2 : wanted.height();
            current = drawn(current, width, height, new AffineTransform(width / (double) current.getWidth(), 0, 0,
                    height / (double) current.getHeight(), 0, 0));
        }
        return current;
    }

    /** The size at most {@link #LONGEST_SIDE} on its longer side, of the same proportions, of a picture of this size. */
    static Image.Size fitted(int width, int height) {
        double factor = Math.min(1, LONGEST_SIDE / (double) Math.max(width, height));
        return new Image.Size(Math.max(1, (int) Math.round(width * factor)), Math.max(1, (int) Math.round(height * factor)));
    }

    /** Turned upright as its EXIF orientation says ({@link ImageHeader#orientation}). */
    static BufferedImage turned(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> null;
        };
        if (t == null) {
            return image;
        }
        return orientation >= 5 ? drawn(image, h, w, t) : drawn(image, w, h, t);
    }

    private static BufferedImage drawn(BufferedImage image, int width, int height, AffineTransform transform) {
        BufferedImage out = new BufferedImage(width, height, image.getType());
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, transform, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A new file of the picture alone: the encoder is given no metadata, so none is written. */
    private static byte[] encode(BufferedImage image, ImageType type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName(type == ImageType.JPEG ? "jpeg" : "png").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (type == ImageType.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                // Drawn coarse first, then sharper, on a slow connection; and a few per cent smaller.
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            } else {
                // Deflate's best (the JDK's default is its level 4): some tenths of a second more, once, for every reader.
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.0f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
