package org.pledge.guarantee.transfer.api;

import java.util.Set;

/**
 * What each ISO 20022 payment status code (ExternalPaymentTransactionStatus1Code / ExternalPaymentGroupStatus1Code)
 * means for a refund (docs/payment-batches.md).
 * <ul>
 *   <li><b>paid</b>: {@code ACSC} (settlement completed on the debtor's account: the money has left the authority) and
 *       {@code ACCC} (settlement completed on the creditor's account). Only these record the refund paid.</li>
 *   <li><b>rejected</b>: {@code RJCT}, with its reason code: the refund goes back to finance.</li>
 *   <li><b>interim</b>: {@code ACTC}, {@code ACCP}, {@code ACSP}, {@code ACWC}, {@code ACWP}, {@code ACFC}, {@code PDNG},
 *       {@code RCVD}, {@code PART}: accepted or in process, not yet paid; nothing changes, a later report settles.</li>
 * </ul>
 * Any other code is refused: the file is not understood, and nothing of it is applied.
 */
public final class TransactionStatusCodes {

    public static final Set<String> PAID = Set.of("ACSC", "ACCC");
    public static final String REJECTED = "RJCT";
    public static final Set<String> INTERIM = Set.of("ACTC", "ACCP", "ACSP", "ACWC", "ACWP", "ACFC", "PDNG", "RCVD", "PART");

    private TransactionStatusCodes() {
    }

    public static boolean known(String code) {
        return PAID.contains(code) || REJECTED.equals(code) || INTERIM.contains(code);
    }
}
