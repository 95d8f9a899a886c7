package se.inlagg.emulator.s3;

/**
 * A single byte range of a GET ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}), resolved
 * against the object's size. Like S3, a header that is not one valid range (several ranges, bad
 * syntax, a-b with b before a) is ignored and the whole object is sent.
 */
record ByteRange(long first, long last) {

    long length() {
        return last - first + 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * @return the range, or null to send the whole object
     * @throws S3Error 416 InvalidRange when the range starts past the end
     */
    static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
            return null;
        }
        String spec = h.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).strip();
            String b = spec.substring(dash + 1).strip();
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                if (suffix <= 0 || size == 0) {
                    throw unsatisfiable(header, size);
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(a);
            Long last = b.isEmpty() ? null : Long.parseLong(b);
            if (first < 0 || (last != null && last < first)) {
                return null;
            }
            if (first >= size) {
                throw unsatisfiable(header, size);
            }
            return new ByteRange(first, last == null ? size - 1 : Math.min(last, size - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static S3Error unsatisfiable(String header, long size) {
        return new S3Error(416, "InvalidRange", "The requested range is not satisfiable")
                .with("RangeRequested", header).with("ActualObjectSize", size)
                .header("Content-Range", "bytes */" + size);
    }
}
