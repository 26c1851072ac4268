package org.pledge.notification.rule.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.pledge.notification.rule.api.RuleContent;
import org.pledge.notification.rule.api.RuleIds;
import org.pledge.notification.rule.api.SaveNotificationRuleCommand;
import org.pledge.notification.rule.query.RuleDocument;
import org.pledge.notification.rule.query.Rules;
import org.pledge.notification.template.api.Trigger;
import org.pledge.platform.axon.VersionedCommandGateway;
import org.pledge.platform.readmodel.ReadModelProperties;
import org.pledge.platform.security.CurrentActor;
import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notification rules (admin): which message each event sends. A PUT with the content of the current version
 * changes nothing (200, same version); other content makes version n+1 (200), a new rule version 1 (201). It answers
 * once the read model shows the version, so the next event is matched under it. A rule whose template lacks a language
 * or channel is refused ({@code rule.missing-translation}).
 *
 * <p>Not {@code @Validated}: Spring MVC's method validation reports the path variable's constraints as a 400 problem.
 */
@RestController
@Tag(name = "Notification rules", description = "Which event sends which message template (versioned)")
class RuleController {

    private final VersionedCommandGateway commands;
    private final Rules rules;
    private final ReadModelProperties readModel;
    private final Clock clock;

    RuleController(VersionedCommandGateway commands, Rules rules, ReadModelProperties readModel, Clock clock) {
        this.commands = commands;
        this.rules = rules;
        this.readModel = readModel;
        this.clock = clock;
    }

    @GetMapping("/api/notification-rules")
    @Operation(operationId = "listNotificationRules", summary = "List the notification rules",
            description = "The current version of every rule, by id, enabled or not.")
    List<RuleViews.RuleView> list() {
        return rules.all().stream().map(RuleViews.RuleView::of).toList();
    }

    @GetMapping("/api/notification-rules/{ruleId}")
    @Operation(operationId = "getNotificationRule", summary = "Read a notification rule")
    @ApiResponse(responseCode = "200", description = "The rule",
            headers = @Header(name = "ETag", description = "The rule's version, `W/\"<n>\"`", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "`rule.not-found`: no such rule")
    ResponseEntity<RuleViews.RuleView> get(@Parameter(description = "Rule id") @PathVariable @Pattern(regexp = RuleIds.PATTERN) String ruleId) {
        RuleDocument rule = rules.find(ruleId).orElseThrow(RuleNotFoundException::new);
        return ResponseEntity.ok().eTag("W/\"" + rule.version() + "\"").body(RuleViews.RuleView.of(rule));
    }

    @PutMapping("/api/notification-rules/{ruleId}")
    @Operation(operationId = "saveNotificationRule", summary = "Save a notification rule",
            description = "On the trigger, when every condition holds (the named value equals the given one), send the template "
                    + "to the event's applicant. The template must be written for the same trigger and exist in every configured "
                    + "language for every channel. The same content as the current version changes nothing.")
    @ApiResponse(responseCode = "200", description = "Changed (a new version) or unchanged: the rule",
            headers = @Header(name = "ETag", description = "The rule's version, `W/\"<n>\"`", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "201", description = "Created (version 1): the rule",
            headers = @Header(name = "Location", description = "/api/notification-rules/{ruleId}", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "422", description = "Refused: `rule.missing-translation`, `rule.template-unknown`, "
            + "`rule.trigger-mismatch`, `rule.condition-unknown`, `rule.condition-invalid`")
    ResponseEntity<RuleViews.RuleView> save(@Parameter(description = "Rule id: lower-case letters, digits and hyphens")
                                            @PathVariable @Pattern(regexp = RuleIds.PATTERN) String ruleId,
                                            @Valid @RequestBody RuleRequests.Rule body) {
        int before = rules.find(ruleId).map(RuleDocument::version).orElse(0);
        String by = CurrentActor.current().map(CurrentActor::subject).orElse("unknown");
        RuleContent content = new RuleContent(Trigger.valueOf(body.trigger()), body.conditions(), body.templateId(), body.enabled());
        VersionedCommandGateway.Outcome<Integer> outcome = commands.sendAndWait(SaveNotificationRuleCommand.of(ruleId, content, false, by,
                clock.instant()));
        outcome.version().ifPresent(v -> rules.awaitSequence(ruleId, v.version(), readModel.awaitTimeout(), readModel.pollInterval()));
        int version = outcome.result();
        RuleViews.RuleView view = rules.find(ruleId).map(RuleViews.RuleView::of).orElseThrow(RuleNotFoundException::new);
        String etag = "W/\"" + version + "\"";
        return before == 0 && version == 1
                ? ResponseEntity.created(URI.create("/api/notification-rules/" + ruleId)).eTag(etag).body(view)
                : ResponseEntity.ok().eTag(etag).body(view);
    }

    static class RuleNotFoundException extends PledgeException {
        RuleNotFoundException() {
            super("rule.not-found", HttpStatus.NOT_FOUND, "There is no such notification rule.");
        }
    }
}
