package org.pledge.guarantee.transfer.integration;

import java.nio.charset.StandardCharsets;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import org.pledge.guarantee.transfer.api.PaymentBatchIds;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link PaymentBatch} as an ISO 20022 {@code pain.001.001.09} (CustomerCreditTransferInitiationV09) with
 * prowide's model: one group header, one payment instruction from the authority's account, one credit transfer per
 * refund (end-to-end id = refund id). The output is a function of the batch alone (no clock, no random id): the same
 * batch is the same bytes.
 */
@Component
public class Pain001Writer {

    /** The JAXB context of pain.001.001.09's classes: made on first use (~2 s on a busy 2-core machine), then reused. */
    private volatile JAXBContext context;

    /** The document as UTF-8 bytes, with an XML declaration, no business application header, no namespace prefix. */
    public byte[] write(PaymentBatch batch) {
        CustomerCreditTransferInitiationV09 initiation = new CustomerCreditTransferInitiationV09()
                .setGrpHdr(groupHeader(batch))
                .addPmtInf(paymentInstruction(batch));
        MxPain00100109 message = new MxPain00100109().setCstmrCdtTrfInitn(initiation);
        MxWriteConfiguration configuration = new MxWriteConfiguration(context());
        configuration.documentPrefix = null;
        configuration.includeXMLDeclaration = true;
        configuration.indent = "  ";
        return message.message(configuration).getBytes(StandardCharsets.UTF_8);
    }

    private JAXBContext context() {
        JAXBContext current = context;
        if (current == null) {
            try {
                current = JAXBContext.newInstance(MxPain00100109._classes);
            } catch (JAXBException e) {
                throw new IllegalStateException("the pain.001.001.09 model cannot be bound", e);
            }
            context = current;
        }
        return current;
    }

    private static GroupHeader85 groupHeader(PaymentBatch batch) {
        return new GroupHeader85()
                .setMsgId(PaymentBatchIds.messageId(batch.date()))
                .setCreDtTm(batch.createdAt())
                .setNbOfTxs(Integer.toString(batch.numberOfTransactions()))
                .setCtrlSum(batch.controlSum())
                .setInitgPty(new PartyIdentification135().setNm(batch.debtor().name()));
    }

    private static PaymentInstruction30 paymentInstruction(PaymentBatch batch) {
        PaymentInstruction30 instruction = new PaymentInstruction30()
                .setPmtInfId(PaymentBatchIds.paymentInformationId(batch.date()))
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setBtchBookg(Boolean.FALSE) // each refund its own entry on the authority's statement
                .setNbOfTxs(Integer.toString(batch.numberOfTransactions()))
                .setCtrlSum(batch.controlSum())
                .setReqdExctnDt(new DateAndDateTime2Choice().setDt(batch.executionDate()))
                .setDbtr(new PartyIdentification135().setNm(batch.debtor().name()))
                .setDbtrAcct(account(batch.debtor().iban()))
                .setDbtrAgt(agent(batch.debtor().bic()));
        for (PaymentBatch.Credit credit : batch.credits()) {
            instruction.addCdtTrfTxInf(creditTransfer(credit));
        }
        return instruction;
    }

    private static CreditTransferTransaction34 creditTransfer(PaymentBatch.Credit credit) {
        CreditTransferTransaction34 transaction = new CreditTransferTransaction34()
                .setPmtId(new PaymentIdentification6().setInstrId(credit.endToEndId()).setEndToEndId(credit.endToEndId()))
                .setAmt(new AmountType4Choice().setInstdAmt(
                        new ActiveOrHistoricCurrencyAndAmount().setValue(credit.amount()).setCcy(credit.currency())));
        if (credit.bic() != null && !credit.bic().isBlank()) {
            transaction.setCdtrAgt(agent(credit.bic()));
        }
        return transaction
                .setCdtr(new PartyIdentification135().setNm(credit.creditorName()))
                .setCdtrAcct(account(credit.iban()))
                .setRmtInf(new RemittanceInformation16().addUstrd(credit.remittance()));
    }

    private static CashAccount38 account(String iban) {
        return new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(iban));
    }

    private static BranchAndFinancialInstitutionIdentification6 agent(String bic) {
        return new BranchAndFinancialInstitutionIdentification6()
                .setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(bic));
    }
}
