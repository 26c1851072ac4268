package org.pledge.guarantee.transfer.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A pain.001 written from a hand-made batch, validated against the official XSD and read back field by field. */
class Pain001WriterTest {

    static final String NS = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    static final LocalDate DATE = LocalDate.of(2026, 12, 5);
    static final PaymentBatch.Debtor DEBTOR = new PaymentBatch.Debtor("Passport Program Canada", "CA0912345678901234567", "ROYCCAT2");

    private final Pain001Writer writer = new Pain001Writer();

    static PaymentBatch batch() {
        return new PaymentBatch(DATE, OffsetDateTime.of(2026, 12, 6, 0, 0, 0, 0, ZoneOffset.ofHours(-5)), DATE.plusDays(1), DEBTOR,
                List.of(new PaymentBatch.Credit("R0a1b2c3d4e5f60718293a4b5c6d7e8f901", new BigDecimal("30.00"), "CAD",
                                "Jeanne Tremblay", "DE89370400440532013000", "COBADEFFXXX", "Pledge refund, case case-1"),
                        new PaymentBatch.Credit("R0a1b2c3d4e5f60718293a4b5c6d7e8f902", new BigDecimal("60.25"), "CAD",
                                "Ana Müller & Söhne <Ltd>", "FR1420041010050500013M02606", null, "Pledge refund, case case-2"),
                        new PaymentBatch.Credit("Rffffffffffffffffffffffffffffffff01", new BigDecimal("0.05"), "EUR",
                                "Z", "NL91ABNA0417164300", "ABNANL2A", "Pledge refund, case case-3")));
    }

    @Test
    void writesAValidPain001_readBackFieldByField() {
        byte[] xml = writer.write(batch());

        IsoSchemas.validate(IsoSchemas.pain001(), xml);
        Document document = IsoSchemas.parse(xml);
        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(NS);
        assertThat(root.getLocalName()).isEqualTo("Document");

        Element initiation = only(root, "CstmrCdtTrfInitn");
        Element header = only(initiation, "GrpHdr");
        assertThat(text(header, "MsgId")).isEqualTo("PLEDGE-TRF-2026-12-05");
        assertThat(text(header, "CreDtTm")).isEqualTo("2026-12-06T00:00:00-05:00");
        assertThat(text(header, "NbOfTxs")).isEqualTo("3");
        assertThat(new BigDecimal(text(header, "CtrlSum"))).isEqualByComparingTo("90.30");
        assertThat(text(only(header, "InitgPty"), "Nm")).isEqualTo("Passport Program Canada");

        Element instruction = only(initiation, "PmtInf");
        assertThat(text(instruction, "PmtInfId")).isEqualTo("PLEDGE-TRF-2026-12-05-1");
        assertThat(text(instruction, "PmtMtd")).isEqualTo("TRF");
        assertThat(text(instruction, "NbOfTxs")).isEqualTo("3");
        assertThat(new BigDecimal(text(instruction, "CtrlSum"))).isEqualByComparingTo("90.30");
        assertThat(text(only(instruction, "ReqdExctnDt"), "Dt")).isEqualTo("2026-12-06");
        assertThat(text(only(instruction, "Dbtr"), "Nm")).isEqualTo("Passport Program Canada");
        assertThat(text(only(only(instruction, "DbtrAcct"), "Id"), "IBAN")).isEqualTo("CA0912345678901234567");
        assertThat(text(only(only(instruction, "DbtrAgt"), "FinInstnId"), "BICFI")).isEqualTo("ROYCCAT2");

        List<Element> credits = children(instruction, "CdtTrfTxInf");
        assertThat(credits).hasSize(3);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < credits.size(); i++) {
            PaymentBatch.Credit expected = batch().credits().get(i);
            Element credit = credits.get(i);
            assertThat(text(only(credit, "PmtId"), "EndToEndId")).isEqualTo(expected.endToEndId());
            Element amount = only(only(credit, "Amt"), "InstdAmt");
            assertThat(new BigDecimal(amount.getTextContent())).isEqualByComparingTo(expected.amount());
            assertThat(amount.getAttribute("Ccy")).isEqualTo(expected.currency());
            assertThat(text(only(credit, "Cdtr"), "Nm")).isEqualTo(expected.creditorName());
            assertThat(text(only(only(credit, "CdtrAcct"), "Id"), "IBAN")).isEqualTo(expected.iban());
            assertThat(children(credit, "CdtrAgt")).hasSize(expected.bic() == null ? 0 : 1);
            if (expected.bic() != null) {
                assertThat(text(only(only(credit, "CdtrAgt"), "FinInstnId"), "BICFI")).isEqualTo(expected.bic());
            }
            assertThat(text(only(credit, "RmtInf"), "Ustrd")).isEqualTo(expected.remittance());
            sum = sum.add(new BigDecimal(amount.getTextContent()));
        }
        assertThat(sum).isEqualByComparingTo(new BigDecimal(text(header, "CtrlSum")));
    }

    @Test
    void theSameBatch_isTheSameBytes() {
        assertThat(writer.write(batch())).isEqualTo(writer.write(batch()));
    }

    @Test
    void escapesWhatANameHolds_andKeepsItsCharacters() {
        byte[] xml = writer.write(batch());
        // markup characters escaped, non-ASCII ones as character references (prowide's default): the same text
        assertThat(new String(xml, StandardCharsets.UTF_8)).startsWith("<?xml").contains("&amp;", "&lt;Ltd&gt;")
                .doesNotContain("<Ltd>");
        Element instruction = only(only(IsoSchemas.parse(xml).getDocumentElement(), "CstmrCdtTrfInitn"), "PmtInf");
        assertThat(text(only(children(instruction, "CdtTrfTxInf").get(1), "Cdtr"), "Nm")).isEqualTo("Ana Müller & Söhne <Ltd>");
    }

    static Element only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(name + " in " + parent.getLocalName()).hasSize(1);
        return found.get(0);
    }

    static String text(Element parent, String name) {
        return only(parent, name).getTextContent();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && NS.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
