package org.pledge.guarantee.circumstance.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.pledge.guarantee.circumstance.api.CircumstanceIds;
import org.pledge.guarantee.circumstance.api.DeclareCircumstanceCommand;
import org.pledge.guarantee.circumstance.query.CircumstanceDocument;
import org.pledge.guarantee.circumstance.query.ExceptionalCircumstances;
import org.pledge.platform.axon.AggregateVersion;
import org.pledge.platform.axon.VersionedCommandGateway;
import org.pledge.platform.readmodel.ReadModelProperties;
import org.pledge.platform.security.CurrentActor;
import org.pledge.platform.validation.TextRules;
import org.pledge.platform.web.IdempotencyKey;
import org.pledge.platform.web.PledgeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exceptional circumstances (docs/exceptional-circumstances.md): declared by an admin, listed with the claims each
 * changed. A declaration answers once the list shows it; the claims it covers are re-evaluated shortly after, each by
 * the claim itself, and show in its {@code changes} as they are.
 */
@RestController
@Validated
@Tag(name = "Exceptional circumstances", description = "Labour disruptions, regional crises: lateness subtracted, or claims excluded")
class CircumstanceController {

    static final String ID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final int CHANGES_IN_LIST = 100;
    private static final Logger log = LoggerFactory.getLogger(CircumstanceController.class);

    private final VersionedCommandGateway commands;
    private final ExceptionalCircumstances circumstances;
    private final ReadModelProperties readModel;
    private final Clock clock;

    CircumstanceController(VersionedCommandGateway commands, ExceptionalCircumstances circumstances, ReadModelProperties readModel,
                           Clock clock) {
        this.commands = commands;
        this.circumstances = circumstances;
        this.readModel = readModel;
        this.clock = clock;
    }

    @PostMapping("/api/exceptional-circumstances")
    @Operation(operationId = "declareCircumstance", summary = "Declare an exceptional circumstance",
            description = "As the token's subject (an admin). It covers the claims of the service types whose case deadline, as a "
                    + "local date in the business time zone (`pledge.guarantee.zone`), falls in `from`..`to` (inclusive), those "
                    + "opened already and those opened later. Every covered claim not paid yet is re-evaluated once, by the claim "
                    + "itself: its lateness less `businessDays` (SUBTRACT_BUSINESS_DAYS), or nothing refunded (EXCLUDE); a claim "
                    + "whose payment is under way or done is not changed. Idempotency-Key required: a retry with the same key and "
                    + "body declares nothing again and answers the same circumstance (201 again); the same key with another body is 409.")
    @ApiResponse(responseCode = "201", description = "Declared (or the same declaration again for a retried key)",
            headers = @Header(name = "Location", description = "/api/exceptional-circumstances/{id}", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "`request.validation-failed` (with the field path) or `request.malformed`")
    @ApiResponse(responseCode = "409", description = "`circumstance.idempotency-key-reused`: the key was used with another body")
    @ApiResponse(responseCode = "422", description = "`circumstance.service-types-missing`, `circumstance.service-type-unknown` (no "
            + "guarantee policy), `circumstance.date-range-invalid` (missing, or from after to), `circumstance.date-range-too-long` "
            + "(over 731 days), `circumstance.adjustment-missing`, `circumstance.business-days-invalid` (1..260 to subtract; 0 to "
            + "exclude) or `circumstance.label-missing`")
    ResponseEntity<CircumstanceViews.CircumstanceView> declare(
            @Parameter(description = "Client-chosen key (at most 128 characters), per admin: a retry with the same key and body "
                    + "declares nothing twice") @RequestHeader(IdempotencyKey.HEADER)
            @Pattern(regexp = IdempotencyKey.PATTERN, message = IdempotencyKey.MESSAGE) String key,
            @Valid @RequestBody CircumstanceRequests.Declaration body) {
        String by = CurrentActor.current().map(CurrentActor::subject).orElseThrow();
        String id = CircumstanceIds.of(by, key);
        String label = body.label() == null ? null : TextRules.singleLine(body.label());
        DeclareCircumstanceCommand command = new DeclareCircumstanceCommand(id, body.serviceTypes() == null ? null : body.serviceTypes(),
                body.from(), body.to(), label, body.adjustment(), body.businessDays() == null ? 0 : body.businessDays(), by, clock.instant());
        Optional<AggregateVersion> version;
        try {
            version = commands.sendAndWait(command).version();
        } catch (AggregateStreamCreationException e) {
            // the same request at the same time on another thread or instance declared it first: the same again, or a 409
            version = commands.sendAndWait(command).version();
        }
        long sequence = version.map(AggregateVersion::version).orElse(0L);
        if (!circumstances.awaitSequence(id, sequence, readModel.awaitTimeout(), readModel.pollInterval())) {
            log.info("exceptional_circumstances did not show circumstance {} within {}; answering anyway", id, readModel.awaitTimeout());
        }
        CircumstanceViews.CircumstanceView view = circumstances.find(id)
                .map(d -> view(d, 0, CHANGES_IN_LIST))
                .orElseGet(() -> new CircumstanceViews.CircumstanceView(id, command.serviceTypes(), command.from(), command.to(),
                        command.label(), command.adjustment().name(), command.businessDays(), by, command.at(), 0,
                        List.of(), 0, CHANGES_IN_LIST));
        return ResponseEntity.created(URI.create("/api/exceptional-circumstances/" + id)).body(view);
    }

    @GetMapping("/api/exceptional-circumstances")
    @Operation(operationId = "listCircumstances", summary = "List exceptional circumstances, the latest declared first",
            description = "Each with the claims it changed so far (`claimsChanged`), and the first " + CHANGES_IN_LIST
                    + " of them by case id (`changes`: previous and new amount, null while the claim was not decided; all of them "
                    + "with GET /api/exceptional-circumstances/{id}?page=).")
    CircumstanceViews.CircumstancePage list(
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @Parameter(description = "Circumstances per page (1..50)") @RequestParam(defaultValue = "20") @Min(1) @Max(50) int size) {
        return new CircumstanceViews.CircumstancePage(circumstances.page(page, size).stream().map(d -> view(d, 0, CHANGES_IN_LIST)).toList(),
                page, size, circumstances.count());
    }

    @GetMapping("/api/exceptional-circumstances/{id}")
    @Operation(operationId = "getCircumstance", summary = "Read an exceptional circumstance with a page of the claims it changed")
    @ApiResponse(responseCode = "200", description = "The circumstance")
    @ApiResponse(responseCode = "404", description = "`circumstance.not-found`: no such circumstance")
    CircumstanceViews.CircumstanceView get(@PathVariable @Pattern(regexp = ID_PATTERN) String id,
            @Parameter(description = "0-based page of the changed claims") @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @Parameter(description = "Changed claims per page (1..500)") @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        CircumstanceDocument document = circumstances.find(id).orElseThrow(() -> new CircumstanceNotFound(id));
        return view(document, page, size);
    }

    private CircumstanceViews.CircumstanceView view(CircumstanceDocument document, int page, int size) {
        String id = document.circumstanceId();
        return CircumstanceViews.CircumstanceView.of(document, circumstances.changeCount(id), circumstances.changes(id, page, size), page, size);
    }

    static class CircumstanceNotFound extends PledgeException {
        CircumstanceNotFound(String id) {
            super("circumstance.not-found", HttpStatus.NOT_FOUND, "no exceptional circumstance " + id);
        }
    }
}
