package se.inlagg.local;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real pictures made here, so tests upload what a camera or an editor would make, with no network. */
final class TestPictures {

    private TestPictures() {
    }

    static byte[] png(int width, int height) {
        return write("png", width, height);
    }

    static byte[] jpeg(int width, int height) {
        return write("jpeg", width, height);
    }

    private static byte[] write(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x0b5394));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xffbf47));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
