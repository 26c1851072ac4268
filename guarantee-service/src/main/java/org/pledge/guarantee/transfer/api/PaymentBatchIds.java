package org.pledge.guarantee.transfer.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identifiers of a day's pain.001: a function of the business date alone, so that the file of a date is the same
 * bytes however often it is generated, and a pain.002 names the date it reports on through its original message id.
 */
public final class PaymentBatchIds {

    /** The ISO 20022 message definition of the batches. */
    public static final String PAIN_001 = "pain.001.001.09";
    /** The ISO 20022 message definition of the status reports imported. */
    public static final String PAIN_002 = "pain.002.001.10";

    private static final String PREFIX = "PLEDGE-TRF-";
    private static final Pattern MESSAGE_ID = Pattern.compile("PLEDGE-TRF-(\\d{4}-\\d{2}-\\d{2})");

    private PaymentBatchIds() {
    }

    /** The group header's message id of the batch of {@code date}, e.g. {@code PLEDGE-TRF-2026-12-05}. */
    public static String messageId(LocalDate date) {
        return PREFIX + date;
    }

    /** The payment information id of the batch's one payment instruction. */
    public static String paymentInformationId(LocalDate date) {
        return messageId(date) + "-1";
    }

    /** The date whose batch {@code messageId} names, when it is one of ours. */
    public static Optional<LocalDate> dateOf(String messageId) {
        if (messageId == null) {
            return Optional.empty();
        }
        Matcher matcher = MESSAGE_ID.matcher(messageId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(matcher.group(1)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
