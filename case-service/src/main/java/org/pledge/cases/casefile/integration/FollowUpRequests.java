package org.pledge.cases.casefile.integration;

import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.OpenFollowUpCaseCommand;
import org.pledge.cases.casefile.query.CaseOrigins;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.feedback.FollowUpRequestedV1;
import org.pledge.platform.messaging.consume.InboundCloudEvent;
import org.pledge.platform.messaging.consume.InvalidCloudEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens a linked follow-up case for {@code pledge.feedback.follow-up-requested.v1}; other feedback events are
 * ignored. Once per request: the platform drops a redelivered CloudEvent by {@code ce_id}, and a request published
 * twice under two ids reaches the same aggregate ({@code CaseIds.forFollowUp(followUpId)}, create-if-missing),
 * which ignores the repeat.
 *
 * <p>The client and their contact points come from the earlier case's submission, read from the event store for
 * this request and not kept ({@link CaseOrigins#submission}; foreign messages never carry them); the fee of a
 * follow-up is zero in the earlier fee's currency. An unknown earlier case fails the message, which retries and then
 * goes to the dead-letter topic for an operator. A request for a case whose client was erased opens nothing (logged
 * with the ids): there is nobody to follow up with, and the erased client is not brought back as "[erased]".
 *
 * <p>The follow-up belongs to the earlier case's owner (the channel client that submitted it, or owns it), so that
 * channel can read and act on it; the command's {@code actor} stays {@code feedback-service}, which did open it, and
 * the case's history shows that.
 */
@Component
class FollowUpRequests {

    static final String DEFAULT_REASON = "follow-up-requested";
    private static final Pattern REASON_CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Logger log = LoggerFactory.getLogger(FollowUpRequests.class);

    private final CommandGateway commands;
    private final CaseOrigins origins;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    FollowUpRequests(CommandGateway commands, CaseOrigins origins, ObjectMapper objectMapper, Clock clock) {
        this.commands = commands;
        this.origins = origins;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    void on(InboundCloudEvent event) {
        if (!EventTypes.FEEDBACK_FOLLOW_UP_REQUESTED.name().equals(event.type())) {
            return;
        }
        FollowUpRequestedV1 request = event.contractData(FollowUpRequestedV1.class, objectMapper);
        if (request.followUpId() == null || request.followUpId().isBlank() || request.caseId() == null || request.caseId().isBlank()) {
            throw new InvalidCloudEventException("follow-up request " + event.id() + " lacks followUpId or caseId");
        }
        CaseSubmittedEvent earlier = origins.submission(request.caseId())
                .orElseThrow(() -> new IllegalStateException("follow-up " + request.followUpId() + " for unknown case " + request.caseId()));
        if (earlier.applicant() != null && earlier.applicant().erased()) {
            // the client was erased: nobody is left to follow up with, and a redelivery would find the same
            log.info("follow-up {} for case {} not opened: the case's client was erased", request.followUpId(), request.caseId());
            return;
        }
        String owner = origins.find(request.caseId()).orElseThrow().owner();
        String serviceType = request.serviceType() == null || request.serviceType().isBlank() ? earlier.serviceTypeCode() : request.serviceType();
        String currency = earlier.feePaid() == null ? "CAD" : earlier.feePaid().currency();
        OpenFollowUpCaseCommand command = new OpenFollowUpCaseCommand(request.followUpId(), request.caseId(), reasonCode(request.reason()),
                serviceType, clock.instant(), earlier.applicant(), Money.zero(currency), owner);
        commands.sendAndWait(event.asCommand(command));
        log.info("follow-up {} for case {} handled as case {}", request.followUpId(), request.caseId(), command.caseId());
    }

    /** The request's reason as a reason code (lower-case word), or a default when it is missing or not one. */
    static String reasonCode(String reason) {
        if (reason == null) {
            return DEFAULT_REASON;
        }
        String code = reason.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
        code = code.length() > 64 ? code.substring(0, 64) : code;
        return REASON_CODE.matcher(code).matches() ? code : DEFAULT_REASON;
    }
}
