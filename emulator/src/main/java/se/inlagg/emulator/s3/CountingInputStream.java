package se.inlagg.emulator.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body that counts what was read of it, so the front knows how much is left when it answers. */
final class CountingInputStream extends FilterInputStream {

    private long count;
    private boolean ended;

    CountingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            ended = true;
        } else {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            ended = true;
        } else {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count += skipped;
        return skipped;
    }

    long count() {
        return count;
    }

    boolean ended() {
        return ended;
    }
}
