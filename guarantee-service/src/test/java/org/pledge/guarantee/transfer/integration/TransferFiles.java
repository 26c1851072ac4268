package org.pledge.guarantee.transfer.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.w3c.dom.Element;

/** Reading and validating a downloaded pain.001 in tests of other packages (the ITs). */
public final class TransferFiles {

    private TransferFiles() {
    }

    /** Validates against the official pain.001.001.09 XSD. */
    public static void validatePain001(byte[] xml) {
        IsoSchemas.validate(IsoSchemas.pain001(), xml);
    }

    /** The element at {@code names} under the document root, each step exactly one. */
    public static Element path(byte[] xml, String... names) {
        Element element = IsoSchemas.parse(xml).getDocumentElement();
        for (String name : names) {
            element = child(element, name);
        }
        return element;
    }

    public static Element child(Element parent, String name) {
        return Pain001WriterTest.only(parent, name);
    }

    public static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }

    public static List<Element> children(Element parent, String name) {
        List<Element> found = Pain001WriterTest.children(parent, name);
        assertThat(found).isNotNull();
        return found;
    }
}
