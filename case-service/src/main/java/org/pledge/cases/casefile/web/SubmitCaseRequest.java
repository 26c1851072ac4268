package org.pledge.cases.casefile.web;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.SubmissionChannel;

/** {@code POST /api/cases}. */
record SubmitCaseRequest(
        @NotBlank @Size(max = 64) String serviceType,
        @NotNull SubmissionChannel channel,
        Instant receivedAt,
        @Size(max = 128) String receivedAtStatedBy,
        @NotNull @Valid ApplicantRequest applicant,
        @Valid FeeRequest feePaid) {

    /** The client: name and contact points are personal data. */
    record ApplicantRequest(@NotBlank @Size(max = 128) String reference, @NotBlank @Size(max = 256) String name,
                            @Size(max = 256) String email, @Size(max = 64) String phone, @Size(max = 512) String postalAddress,
                            @NotBlank @Size(max = 35) String language, @NotNull PreferredChannel preferredChannel) {
    }

    record FeeRequest(@NotNull BigDecimal amount, @NotBlank @Size(min = 3, max = 3) String currency) {
    }
}
