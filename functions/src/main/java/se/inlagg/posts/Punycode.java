package se.inlagg.posts;

/**
 * RFC 3492's encoder, for a domain name's label that java.net.IDN would encode otherwise than a browser
 * ({@link DomainNames}). The JDK has one, but not for other code to call.
 */
final class Punycode {

    private static final int BASE = 36;
    private static final int T_MIN = 1;
    private static final int T_MAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 0x80;
    /** A domain name's label is at most 63 characters; no sum of one so short can overflow an int. */
    private static final int MAX_LABEL = 63;

    private Punycode() {
    }

    /** The label's Punycode, without the "xn--" of IDNA: "ß" is "zca", "straße" "strae-oqa". */
    static String encode(String label) {
        int[] points = label.codePoints().toArray();
        if (points.length > MAX_LABEL) {
            throw new IllegalArgumentException("a label is at most " + MAX_LABEL + " characters");
        }
        StringBuilder out = new StringBuilder(MAX_LABEL);
        for (int p : points) {
            if (p < INITIAL_N) {
                out.append((char) p);
            }
        }
        int basic = out.length();
        if (basic > 0) {
            out.append('-');
        }
        int n = INITIAL_N;
        int delta = 0;
        int bias = INITIAL_BIAS;
        for (int handled = basic; handled < points.length; n++) {
            int next = Integer.MAX_VALUE;
            for (int p : points) {
                if (p >= n && p < next) {
                    next = p;
                }
            }
            delta += (next - n) * (handled + 1);
            n = next;
            for (int p : points) {
                if (p < n) {
                    delta++;
                } else if (p == n) {
                    int q = delta;
                    for (int k = BASE; ; k += BASE) {
                        int t = k <= bias ? T_MIN : Math.min(k - bias, T_MAX);
                        if (q < t) {
                            break;
                        }
                        out.append(digit(t + (q - t) % (BASE - t)));
                        q = (q - t) / (BASE - t);
                    }
                    out.append(digit(q));
                    bias = adapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }
            delta++;
        }
        return out.toString();
    }

    private static int adapt(int delta, int points, boolean first) {
        delta = first ? delta / DAMP : delta / 2;
        delta += delta / points;
        int k = 0;
        while (delta > ((BASE - T_MIN) * T_MAX) / 2) {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        return k + (BASE - T_MIN + 1) * delta / (delta + SKEW);
    }

    private static char digit(int d) {
        return (char) (d < 26 ? 'a' + d : '0' + d - 26);
    }
}
