package se.inlagg.images;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
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
 * photo of 4,032 by 3,024 pixels and 3 to 10 MB, where the page's column is 672 pixels wide (2,016 on the sharpest
 * screens), is made at most {@link #LONGEST_SIDE} pixels on its longer side; one stored on its side is turned upright,
 * as browsers show it; and what its camera knew (EXIF's place the photo was taken and the device, XMP, IPTC), which
 * every reader could otherwise read out of the file, is left out. A JPEG stays a JPEG and a PNG a PNG, so the picture's
 * name and type are the upload's.
 *
 * <p>The JDK's own decoders and encoders (javax.imageio), loaded only when a picture is saved: no library, and nothing
 * at a cold start. WebP, which the JDK cannot read, and anything it fails to read (a CMYK JPEG, say), are kept as
 * uploaded, as every picture was before: the site never refuses a picture because it could not make it smaller.
 */
final class PictureForReaders {

    /** The longest side readers get, in pixels: the column's 672 at three device pixels to one. */
    static final int LONGEST_SIDE = 2_000;
    /**
     * Pictures of more pixels than this are kept as uploaded: decoding one takes seconds and, for a progressive JPEG, some
     * hundreds of megabytes outside the heap. Phones' and most cameras' photos are within it (12 to 50 megapixels).
     */
    static final long MOST_PIXELS = 50_000_000L;
    /** JPEG quality of a picture made here: no difference a reader sees from the camera's, a seventh of its bytes. */
    static final float JPEG_QUALITY = 0.85f;

    /** The file made, and its size in pixels as shown. */
    record Made(byte[] bytes, Image.Size size) {
    }

    static {
        // In memory: ImageIO's streams otherwise buffer through files in the temporary folder, for nothing here.
        ImageIO.setUseCache(false);
    }

    private PictureForReaders() {
    }

    /**
     * Whether an upload of this type and size may need making: every JPEG (its metadata and orientation are read from
     * the whole file), a PNG only when it is larger than readers get; never a WebP, nor a picture over {@link #MOST_PIXELS}.
     */
    static boolean mayNeedMaking(ImageType type, Image.Size size) {
        long pixels = (long) size.width() * size.height();
        return pixels <= MOST_PIXELS && switch (type) {
            case JPEG -> true;
            case PNG -> Math.max(size.width(), size.height()) > LONGEST_SIDE;
            case WEBP -> false;
        };
    }

    /**
     * The file readers get of this upload, or empty when the upload is to be kept as it is: fit already (a JPEG with no
     * metadata, upright and no larger than readers get), or one the JDK cannot read (logged).
     */
    static Optional<Made> of(byte[] file, ImageType type) {
        if (type == ImageType.WEBP) {
            return Optional.empty();
        }
        ImageHeader.Bytes bytes = p -> p >= 0 && p < file.length ? file[(int) p] & 0xff : -1;
        int orientation = type == ImageType.JPEG ? ImageHeader.orientation(bytes) : 1;
        boolean metadata = type == ImageType.JPEG && ImageHeader.carriesMetadata(bytes);
        try {
            Optional<BufferedImage> decoded = decode(file, type, metadata || orientation != 1);
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            BufferedImage upright = turned(decoded.get(), orientation);
            byte[] made = encode(upright, type);
            return Optional.of(new Made(made, new Image.Size(upright.getWidth(), upright.getHeight())));
        } catch (IOException | RuntimeException e) {
            Log.warn("picture_kept_as_uploaded", "type", type.label(), "error", e.getClass().getSimpleName(),
                    "message", String.valueOf(e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Makes a small picture as a saved one is made (decoded, made smaller, turned, encoded), so that the JDK's image code
     * is loaded and compiled before a SnapStart snapshot, not in an author's first save after it.
     */
    static void prime() {
        BufferedImage image = new BufferedImage(LONGEST_SIDE + 8, 8, BufferedImage.TYPE_INT_RGB);
        turned(image, 6);
        for (ImageType type : List.of(ImageType.JPEG, ImageType.PNG)) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(image, type == ImageType.JPEG ? "jpeg" : "png", out);
                of(out.toByteArray(), type);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /**
     * The picture at most {@link #LONGEST_SIDE} on its longer side, or empty when it is no larger and nothing else asks
     * for it to be made ({@code mustMake}). Read a pixel in every few, each way, where it is more than twice the size
     * wanted (the decoder then holds only those: a 50-megapixel photo takes some 50 MB, not 200), then halved smoothly.
     */
    private static Optional<BufferedImage> decode(byte[] file, ImageType type, boolean mustMake) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type == ImageType.JPEG ? "jpeg" : "png");
        if (!readers.hasNext()) {
            return Optional.empty();
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            int longest = Math.max(width, height);
            if (longest <= LONGEST_SIDE && !mustMake) {
                return Optional.empty();
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int every = Math.max(1, longest / (2 * LONGEST_SIDE));
            param.setSourceSubsampling(every, every, 0, 0);
            BufferedImage image = reader.read(0, param);
            return Optional.of(smaller(inSrgb(image), LONGEST_SIDE));
        } finally {
            reader.dispose();
        }
    }

    /**
     * In sRGB, as browsers take a picture that names no colour space (one in a camera's wider space, Display P3, would
     * show dull), with an alpha channel only where the picture has one.
     */
    private static BufferedImage inSrgb(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        int wanted = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == wanted) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), wanted);
        ColorSpace space = image.getColorModel().getColorSpace();
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
    static BufferedImage smaller(BufferedImage image, int longest) {
        BufferedImage current = image;
        while (Math.max(current.getWidth(), current.getHeight()) > longest) {
            double factor = Math.max(0.5, longest / (double) Math.max(current.getWidth(), current.getHeight()));
            int width = Math.max(1, (int) Math.round(current.getWidth() * factor));
            int height = Math.max(1, (int) Math.round(current.getHeight() * factor));
            current = drawn(current, width, height, new AffineTransform(width / (double) current.getWidth(), 0, 0,
                    height / (double) current.getHeight(), 0, 0));
        }
        return current;
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
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
