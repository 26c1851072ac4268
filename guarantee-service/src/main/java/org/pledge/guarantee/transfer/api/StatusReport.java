package org.pledge.guarantee.transfer.api;

import java.util.List;

/**
 * What a pain.002 says, read and checked for form (not yet against our batches).
 *
 * @param messageId            the report's own message id (recorded as the payment id of a refund it settles)
 * @param originalMessageId    the message id of the pain.001 it reports on
 * @param originalMessageName  the message definition of that file, e.g. {@code pain.001.001.09}
 * @param groupStatus          the status of the whole file, or null
 * @param groupReason          the reason code of a rejected file, or null
 * @param transactions         the transactions' statuses, in file order
 */
public record StatusReport(String messageId, String originalMessageId, String originalMessageName, String groupStatus,
                           String groupReason, List<TransactionStatus> transactions) {

    public StatusReport {
        transactions = List.copyOf(transactions);
    }

    /**
     * One transaction's status.
     *
     * @param endToEndId the original end-to-end id: our refund id
     * @param status     the ISO 20022 transaction status code (ACSC, RJCT ...)
     * @param reasonCode the reason code (ISO external code or proprietary) of a rejection, or null
     */
    public record TransactionStatus(String endToEndId, String status, String reasonCode) {
    }
}
