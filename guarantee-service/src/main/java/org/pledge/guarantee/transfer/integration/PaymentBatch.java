package org.pledge.guarantee.transfer.integration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What one day's pain.001 holds, everything it says decided before it is written, so that the same batch is the same
 * bytes.
 *
 * @param date          the business date whose refunds it pays
 * @param createdAt     {@code GrpHdr/CreDtTm}: when the day's batch closed (a function of the date)
 * @param executionDate {@code ReqdExctnDt}: the day after the date
 * @param credits       one per refund, in refund id order
 */
public record PaymentBatch(LocalDate date, OffsetDateTime createdAt, LocalDate executionDate, Debtor debtor, List<Credit> credits) {

    public PaymentBatch {
        credits = List.copyOf(credits);
        if (credits.isEmpty()) {
            throw new IllegalArgumentException("a pain.001 holds at least one credit transfer");
        }
    }

    /** The paying authority. */
    public record Debtor(String name, String iban, String bic) {
    }

    /**
     * One credit transfer.
     *
     * @param endToEndId the refund id
     * @param bic        the creditor's bank, or null
     * @param remittance the unstructured remittance information (names the case)
     */
    public record Credit(String endToEndId, BigDecimal amount, String currency, String creditorName, String iban, String bic,
                         String remittance) {

        @Override
        public String toString() { // never the creditor's details (logs)
            return "Credit[" + endToEndId + "]";
        }
    }

    /** {@code NbOfTxs}. */
    public int numberOfTransactions() {
        return credits.size();
    }

    /** {@code CtrlSum}: the sum of the amounts, whatever their currencies (ISO 20022's hash total). */
    public BigDecimal controlSum() {
        return credits.stream().map(Credit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
