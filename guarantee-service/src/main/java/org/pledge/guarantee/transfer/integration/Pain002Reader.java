package org.pledge.guarantee.transfer.integration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.prowidesoftware.swift.model.mx.MxPain00200110;
import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import com.prowidesoftware.swift.model.mx.dic.CustomerPaymentStatusReportV10;
import com.prowidesoftware.swift.model.mx.dic.OriginalGroupHeader17;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInstruction32;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction105;
import com.prowidesoftware.swift.model.mx.dic.StatusReason6Choice;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation12;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import org.pledge.guarantee.transfer.api.PaymentBatchException;
import org.pledge.guarantee.transfer.api.PaymentBatchException.Kind;
import org.pledge.guarantee.transfer.api.PaymentBatchIds;
import org.pledge.guarantee.transfer.api.StatusReport;
import org.pledge.guarantee.transfer.api.TransactionStatusCodes;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an uploaded ISO 20022 {@code pain.002.001.10} (CustomerPaymentStatusReportV10) into a {@link StatusReport},
 * checking its form; whether it reports on our batches is the caller's check.
 * <ol>
 *   <li>The bytes are parsed first by a hardened JAXP parser: a DOCTYPE (so any DTD, internal or external entity) is
 *       refused outright, no external resource is ever fetched, entity expansion is bounded (secure processing).</li>
 *   <li>The root must be the {@code Document} of the pain.002.001.10 namespace: another message (a pain.001, another
 *       pain.002 version, a camt) is refused as the wrong message type.</li>
 *   <li>prowide's model reads it; then every element we act on must be there: the report's message id, the original
 *       message id and name, and for every transaction its original end-to-end id and a status code we know.</li>
 * </ol>
 * Nothing here changes anything: a refusal is an exception with a stable code and a message naming no personal data.
 */
@Component
public class Pain002Reader {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:" + PaymentBatchIds.PAIN_002;
    private static final String ISO_NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";
    private static final int MAX35 = 35;

    /** The JAXB context of pain.002.001.10's classes: made on first use, then reused. */
    private volatile JAXBContext context;

    public StatusReport read(byte[] xml) {
        if (xml == null || xml.length == 0) {
            throw malformed("The status report is empty.");
        }
        Element root = parseSafely(xml).getDocumentElement();
        String namespace = root.getNamespaceURI();
        if (!"Document".equals(root.getLocalName()) || !NAMESPACE.equals(namespace)) {
            String found = namespace != null && namespace.startsWith(ISO_NAMESPACE_PREFIX)
                    ? namespace.substring(ISO_NAMESPACE_PREFIX.length()) : "not an ISO 20022 document";
            throw new PaymentBatchException(PaymentBatchException.WRONG_MESSAGE_TYPE, Kind.UNPROCESSABLE,
                    "Expected an ISO 20022 " + PaymentBatchIds.PAIN_002 + " status report; found " + shorten(found) + ".");
        }
        CustomerPaymentStatusReportV10 report;
        try {
            MxReadConfiguration configuration = new MxReadConfiguration();
            configuration.context = context();
            MxPain00200110 message = MxPain00200110.parse(new String(xml, StandardCharsets.UTF_8), configuration);
            report = message == null ? null : message.getCstmrPmtStsRpt();
        } catch (RuntimeException e) {
            throw invalid("The status report does not follow " + PaymentBatchIds.PAIN_002 + ".");
        }
        if (report == null || report.getGrpHdr() == null) {
            throw invalid("The status report has no CstmrPmtStsRpt/GrpHdr.");
        }
        String messageId = required(report.getGrpHdr().getMsgId(), "GrpHdr/MsgId");
        OriginalGroupHeader17 group = report.getOrgnlGrpInfAndSts();
        if (group == null) {
            throw invalid("The status report has no OrgnlGrpInfAndSts.");
        }
        String originalMessageId = required(group.getOrgnlMsgId(), "OrgnlGrpInfAndSts/OrgnlMsgId");
        String originalMessageName = required(group.getOrgnlMsgNmId(), "OrgnlGrpInfAndSts/OrgnlMsgNmId");
        String groupStatus = optionalCode(group.getGrpSts(), "OrgnlGrpInfAndSts/GrpSts");
        String groupReason = reason(group.getStsRsnInf());

        List<StatusReport.TransactionStatus> transactions = new ArrayList<>();
        Map<String, String> statusById = new HashMap<>();
        for (OriginalPaymentInstruction32 instruction : report.getOrgnlPmtInfAndSts()) {
            for (PaymentTransaction105 transaction : instruction.getTxInfAndSts()) {
                String endToEndId = required(transaction.getOrgnlEndToEndId(), "TxInfAndSts/OrgnlEndToEndId");
                String status = transaction.getTxSts();
                if (status == null || status.isBlank()) {
                    throw invalid("The transaction " + endToEndId + " has no TxSts.");
                }
                if (!TransactionStatusCodes.known(status)) {
                    throw invalid("The transaction " + endToEndId + " has the status " + shorten(status)
                            + ", which is not one Pledge knows (docs/payment-batches.md).");
                }
                String before = statusById.putIfAbsent(endToEndId, status);
                if (before != null && !before.equals(status)) {
                    throw invalid("The transaction " + endToEndId + " is reported twice with different statuses.");
                }
                String reason = TransactionStatusCodes.REJECTED.equals(status) ? reason(transaction.getStsRsnInf()) : null;
                transactions.add(new StatusReport.TransactionStatus(endToEndId, status, reason));
            }
        }
        return new StatusReport(messageId, originalMessageId, originalMessageName, groupStatus, groupReason, transactions);
    }

    private JAXBContext context() {
        JAXBContext current = context;
        if (current == null) {
            try {
                current = JAXBContext.newInstance(MxPain00200110._classes);
            } catch (JAXBException e) {
                throw new IllegalStateException("the pain.002.001.10 model cannot be bound", e);
            }
            context = current;
        }
        return current;
    }

    private static Document parseSafely(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE")) {
                throw new PaymentBatchException(PaymentBatchException.DTD_FORBIDDEN, Kind.MALFORMED,
                        "The status report declares a DOCTYPE; DTDs and entities are not accepted.");
            }
            throw malformed("The status report is not well-formed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ").");
        } catch (SAXException | IOException e) {
            throw malformed("The status report is not well-formed XML.");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
    }

    /** The reason code of a status: the first reason's ISO code, else its proprietary one; null when none is given. */
    private static String reason(List<StatusReasonInformation12> reasons) {
        for (StatusReasonInformation12 information : reasons) {
            StatusReason6Choice reason = information.getRsn();
            if (reason != null && reason.getCd() != null && !reason.getCd().isBlank()) {
                return shorten(reason.getCd().strip());
            }
            if (reason != null && reason.getPrtry() != null && !reason.getPrtry().isBlank()) {
                return shorten(reason.getPrtry().strip());
            }
        }
        return null;
    }

    private static String optionalCode(String code, String path) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (!TransactionStatusCodes.known(code)) {
            throw invalid(path + " is " + shorten(code) + ", which is not a status Pledge knows (docs/payment-batches.md).");
        }
        return code;
    }

    private static String required(String value, String path) {
        if (value == null || value.isBlank()) {
            throw invalid("The status report has no " + path + ".");
        }
        if (value.length() > MAX35) {
            throw invalid(path + " is longer than 35 characters.");
        }
        return value.strip();
    }

    private static String shorten(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= MAX35 ? printable : printable.substring(0, MAX35) + "…";
    }

    private static PaymentBatchException malformed(String message) {
        return new PaymentBatchException(PaymentBatchException.MALFORMED, Kind.MALFORMED, message);
    }

    private static PaymentBatchException invalid(String message) {
        return new PaymentBatchException(PaymentBatchException.INVALID_REPORT, Kind.UNPROCESSABLE, message);
    }

    private static final ErrorHandler SILENT = new ErrorHandler() { // errors are thrown, not printed to stderr
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
