package org.pledge.guarantee.transfer.integration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The official ISO 20022 XSDs of the messages the transfer feature writes and reads, as the test class path has them
 * (shipped, unchanged, in hbci4j-core: pain.001.001.09.xsd SHA-256 de038b37…a24, pain.002.001.10.xsd 2f9f8d0e…0cf, as
 * published in the ISO 20022 message catalogue), and a namespace-aware reader for the files.
 */
final class IsoSchemas {

    private IsoSchemas() {
    }

    static Schema pain001() {
        return schema("pain.001.001.09.xsd");
    }

    static Schema pain002() {
        return schema("pain.002.001.10.xsd");
    }

    /** Validates {@code xml} against {@code schema}; throws with the validator's message when it is not valid. */
    static void validate(Schema schema, byte[] xml) {
        try {
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            throw new AssertionError("not valid against its XSD: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage(), e);
        }
    }

    private static Schema schema(String name) {
        URL url = IsoSchemas.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new AssertionError(name + " is not on the test class path (hbci4j-core, test scope)");
        }
        try (InputStream in = url.openStream()) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            return factory.newSchema(new StreamSource(in, url.toExternalForm()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new AssertionError(name + " is not a schema: " + e.getMessage(), e);
        }
    }
}
