package se.inlagg.emulator.s3;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A request's XML body (tagging, CORS, lifecycle, a batch delete, a bucket's location) read by
 * element names without namespaces. No DTDs or external entities: the bodies come from anyone.
 */
final class XmlDocument {

    private static final DocumentBuilderFactory FACTORY = factory();

    private final Element root;

    private XmlDocument(Element root) {
        this.root = root;
    }

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(true);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a body whose root must be {@code rootName}; anything else is MalformedXML, as in S3. */
    static XmlDocument parse(byte[] body, String rootName) {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(null);
            Element root = builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
            if (!rootName.equals(root.getLocalName())) {
                throw S3Error.malformedXml();
            }
            return new XmlDocument(root);
        } catch (S3Error e) {
            throw e;
        } catch (Exception e) {
            throw S3Error.malformedXml();
        }
    }

    Element root() {
        return root;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The text of a child element, or null when there is none. */
    static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(Element::getTextContent).toList();
    }
}
