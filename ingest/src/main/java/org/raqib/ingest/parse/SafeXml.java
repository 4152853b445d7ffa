package org.raqib.ingest.parse;

import java.io.IOException;
import java.io.StringReader;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;

/**
 * The only place Raqib builds an XML parser. Feeds are hostile input: external entities and external DTDs are never
 * fetched (no XXE, no SSRF through a DOCTYPE), the JDK's secure processing limits entity expansion (billion laughs
 * stops after a few thousand expansions), and the caller bounds the input's size before it gets here.
 *
 * <p>A DOCTYPE itself is allowed, because old RSS 0.91 feeds still carry Netscape's; only what it could reach out to
 * or expand is off.
 */
public final class SafeXml {

    /** Most characters a document may have. */
    public static final int MAX_CHARS = 16 * 1024 * 1024;

    private static final int ENTITY_EXPANSION_LIMIT = 2_000;

    private SafeXml() {}

    /** Parses {@code xml}; the text is already decoded, so any encoding declaration in it is ignored. */
    public static Document parse(String xml) throws FeedParseException {
        if (xml.length() > MAX_CHARS) {
            throw new FeedParseException("document has " + xml.length() + " characters, more than " + MAX_CHARS);
        }
        try {
            return builder().build(new StringReader(xml));
        } catch (JDOMException e) {
            throw new FeedParseException("not well-formed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FeedParseException("cannot read XML: " + e.getMessage(), e);
        }
    }

    private static SAXBuilder builder() {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://javax.xml.XMLConstants/feature/secure-processing", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setProperty("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit",
                String.valueOf(ENTITY_EXPANSION_LIMIT));
        builder.setProperty("http://javax.xml.XMLConstants/property/accessExternalDTD", "");
        builder.setProperty("http://javax.xml.XMLConstants/property/accessExternalSchema", "");
        // An entity that would be fetched resolves to nothing instead.
        builder.setEntityResolver((publicId, systemId) -> new org.xml.sax.InputSource(new StringReader("")));
        builder.setExpandEntities(true);
        builder.setReuseParser(false);
        return builder;
    }
}
