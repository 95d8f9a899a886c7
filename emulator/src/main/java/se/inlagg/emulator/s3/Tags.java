package se.inlagg.emulator.s3;

import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;

/** Object tags as S3 takes them (the {@code x-amz-tagging} header, a {@code <Tagging>} body) and checks them. */
final class Tags {

    static final int MAX_TAGS = 10;
    private static final int MAX_KEY = 128;
    private static final int MAX_VALUE = 256;

    private Tags() {
    }

    /** {@code k1=v1&k2=v2}, form-encoded, as in the {@code x-amz-tagging} header and the {@code tagging} of a copy. */
    static Map<String, String> fromHeader(String header) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (header == null || header.isEmpty()) {
            return tags;
        }
        for (String pair : header.split("&")) {
            int eq = pair.indexOf('=');
            String key = PercentEncoding.decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : PercentEncoding.decodeQuery(pair.substring(eq + 1));
            add(tags, key, value);
        }
        return checked(tags);
    }

    /** A {@code <Tagging><TagSet><Tag><Key/><Value/></Tag>…} document. */
    static Map<String, String> fromXml(byte[] body) {
        XmlDocument doc = XmlDocument.parse(body, "Tagging");
        Element set = XmlDocument.child(doc.root(), "TagSet");
        if (set == null) {
            throw S3Error.malformedXml();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Element tag : XmlDocument.children(set, "Tag")) {
            String key = XmlDocument.text(tag, "Key");
            String value = XmlDocument.text(tag, "Value");
            if (key == null || value == null) {
                throw S3Error.malformedXml();
            }
            add(tags, key, value);
        }
        return checked(tags);
    }

    static XmlWriter xml(Map<String, String> tags) {
        XmlWriter xml = new XmlWriter().open("Tagging").open("TagSet");
        tags.forEach((k, v) -> xml.open("Tag").element("Key", k).element("Value", v).close());
        return xml.close().close();
    }

    private static void add(Map<String, String> tags, String key, String value) {
        if (tags.put(key, value) != null) {
            throw invalid("Cannot provide multiple Tags with the same key");
        }
    }

    private static Map<String, String> checked(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            // S3's code for this one limit is BadRequest; the others are InvalidTag.
            throw new S3Error(400, "BadRequest", "Object tags cannot be greater than " + MAX_TAGS);
        }
        tags.forEach((key, value) -> {
            if (key.isEmpty() || !allowed(key)) {
                throw invalid("The TagKey you have provided is invalid");
            }
            if (key.codePointCount(0, key.length()) > MAX_KEY) {
                throw invalid("The TagKey you have provided is too long, max " + MAX_KEY);
            }
            if (key.startsWith("aws:")) {
                throw invalid("Your TagKey cannot be prefixed with aws:");
            }
            if (!allowed(value)) {
                throw invalid("The TagValue you have provided is invalid");
            }
            if (value.codePointCount(0, value.length()) > MAX_VALUE) {
                throw invalid("The TagValue you have provided is too long, max " + MAX_VALUE);
            }
        });
        return tags;
    }

    /** Letters, digits and spaces in any script, and + - = . _ : / @, as S3 allows in tags. */
    private static boolean allowed(String text) {
        return text.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || Character.isSpaceChar(c) || "+-=._:/@".indexOf(c) >= 0);
    }

    private static S3Error invalid(String message) {
        return new S3Error(400, "InvalidTag", message);
    }
}
