package org.pledge.guarantee.transfer.config;

import java.time.LocalTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pledge.transfers.*}: the paying authority, the debtor of every pain.001 (docs/payment-batches.md). Checked at
 * start-up: a service that would write files its bank refuses does not start.
 *
 * @param debtorName the authority's name ({@code Dbtr/Nm}, at most 140 characters)
 * @param debtorIban the account the refunds are paid from ({@code DbtrAcct/Id/IBAN})
 * @param debtorBic  the authority's bank ({@code DbtrAgt/FinInstnId/BICFI})
 * @param cutOff     the time of day (business zone) at which a day's batch closes, e.g. {@code 16:00}: refunds
 *                   instructed from then on go to the next day's batch; not set: midnight (the calendar day)
 */
@Validated
@ConfigurationProperties("pledge.transfers")
public record TransferProperties(@NotBlank @Size(max = 140) String debtorName,
                                 @NotBlank @Pattern(regexp = "[A-Z]{2,2}[0-9]{2,2}[a-zA-Z0-9]{1,30}") String debtorIban,
                                 @NotBlank @Pattern(regexp = "[A-Z0-9]{4,4}[A-Z]{2,2}[A-Z0-9]{2,2}([A-Z0-9]{3,3}){0,1}") String debtorBic,
                                 LocalTime cutOff) {
}
