package se.inlagg.emulator.s3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** Writes S3's XML answers: elements in order, text escaped, the S3 namespace on the root when asked. */
final class XmlWriter {

    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    XmlWriter open(String name) {
        return open(name, open.isEmpty());
    }

    XmlWriter open(String name, boolean namespace) {
        out.append('<').append(name);
        if (namespace) {
            out.append(" xmlns=\"").append(NAMESPACE).append('"');
        }
        out.append('>');
        open.push(name);
        return this;
    }

    XmlWriter close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** Text inside the element opened last; nothing when null. */
    XmlWriter text(String text) {
        if (text != null) {
            escape(text);
        }
        return this;
    }

    /** {@code <name>text</name>}; nothing when the text is null. */
    XmlWriter element(String name, Object text) {
        if (text != null) {
            out.append('<').append(name).append('>');
            escape(String.valueOf(text));
            out.append("</").append(name).append('>');
        }
        return this;
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }

    byte[] bytes() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed element " + open.peek());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
