package io.github.escmon.app.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A report parsed back as XML: the report is written as well-formed polyglot markup, so a strict XML parser
 * (no DTDs or entities fetched) reads it, and XPath finds its parts.
 */
final class ReportDocument {

    private final Document document;

    private ReportDocument(Document document) {
        this.document = document;
    }

    /** Parses {@code html}; fails on anything that is not well-formed. */
    static ReportDocument parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setExpandEntityReferences(false);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return new ReportDocument(builder.parse(new InputSource(new StringReader(html))));
    }

    List<Node> nodes(String xpath) throws Exception {
        NodeList list = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            nodes.add(list.item(i));
        }
        return nodes;
    }

    List<String> texts(String xpath) throws Exception {
        return nodes(xpath).stream().map(n -> n.getTextContent().strip()).toList();
    }

    String text(String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, document).strip();
    }
}
