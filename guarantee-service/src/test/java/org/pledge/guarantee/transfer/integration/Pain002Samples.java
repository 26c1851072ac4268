package org.pledge.guarantee.transfer.integration;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Hand-written pain.002.001.10 status reports, as a bank would send them (each validates against the official XSD). */
public final class Pain002Samples {

    /** One transaction's status: {@code reason} null for none. */
    public record Tx(String endToEndId, String status, String reason) {
    }

    private Pain002Samples() {
    }

    public static byte[] report(String messageId, String originalMessageId, List<Tx> transactions) {
        return report(messageId, originalMessageId, "pain.001.001.09", null, null, transactions);
    }

    public static byte[] report(String messageId, String originalMessageId, String originalMessageName, String groupStatus,
                                String groupReason, List<Tx> transactions) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
                  <CstmrPmtStsRpt>
                    <GrpHdr>
                      <MsgId>%s</MsgId>
                      <CreDtTm>2026-12-07T09:30:00+01:00</CreDtTm>
                      <DbtrAgt><FinInstnId><BICFI>ROYCCAT2</BICFI></FinInstnId></DbtrAgt>
                    </GrpHdr>
                    <OrgnlGrpInfAndSts>
                      <OrgnlMsgId>%s</OrgnlMsgId>
                      <OrgnlMsgNmId>%s</OrgnlMsgNmId>
                """.formatted(messageId, originalMessageId, originalMessageName));
        if (groupStatus != null) {
            xml.append("      <GrpSts>").append(groupStatus).append("</GrpSts>\n");
            if (groupReason != null) {
                xml.append("      <StsRsnInf><Rsn><Cd>").append(groupReason).append("</Cd></Rsn></StsRsnInf>\n");
            }
        }
        xml.append("    </OrgnlGrpInfAndSts>\n");
        if (!transactions.isEmpty()) {
            xml.append("    <OrgnlPmtInfAndSts>\n      <OrgnlPmtInfId>").append(originalMessageId).append("-1</OrgnlPmtInfId>\n");
            for (Tx tx : transactions) {
                xml.append("      <TxInfAndSts>\n        <OrgnlEndToEndId>").append(tx.endToEndId()).append("</OrgnlEndToEndId>\n")
                        .append("        <TxSts>").append(tx.status()).append("</TxSts>\n");
                if (tx.reason() != null) {
                    xml.append("        <StsRsnInf><Rsn><Cd>").append(tx.reason())
                            .append("</Cd></Rsn><AddtlInf>Account closed</AddtlInf></StsRsnInf>\n");
                }
                xml.append("      </TxInfAndSts>\n");
            }
            xml.append("    </OrgnlPmtInfAndSts>\n");
        }
        xml.append("  </CstmrPmtStsRpt>\n</Document>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A report whose DOCTYPE declares an external entity reading a local file (XXE). */
    public static byte[] withExternalEntity(String originalMessageId, String endToEndId) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Document [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>&xxe;</MsgId><CreDtTm>2026-12-07T09:30:00Z</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId></OrgnlGrpInfAndSts>
                    <OrgnlPmtInfAndSts><OrgnlPmtInfId>x</OrgnlPmtInfId>
                      <TxInfAndSts><OrgnlEndToEndId>%s</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts>
                    </OrgnlPmtInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """.formatted(originalMessageId, endToEndId)).getBytes(StandardCharsets.UTF_8);
    }

    /** A "billion laughs" internal entity expansion. */
    public static byte[] withEntityExpansion() {
        return """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [ <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"> ]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">&lol2;</Document>
                """.getBytes(StandardCharsets.UTF_8);
    }
}
