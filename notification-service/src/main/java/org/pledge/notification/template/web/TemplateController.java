package org.pledge.notification.template.web;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.template.api.Placeholder;
import org.pledge.notification.template.api.PlaceholderType;
import org.pledge.notification.template.api.SaveTemplateVariantCommand;
import org.pledge.notification.template.api.TemplateIds;
import org.pledge.notification.template.api.Trigger;
import org.pledge.notification.template.config.TemplateProperties;
import org.pledge.notification.template.query.TemplateDocument;
import org.pledge.notification.template.query.TemplateRenderer;
import org.pledge.notification.template.query.Templates;
import org.pledge.notification.template.query.ValueFormatter;
import org.pledge.notification.template.validation.TemplateRefusedException;
import org.pledge.notification.template.validation.TemplateRules;
import org.pledge.platform.axon.AggregateVersion;
import org.pledge.platform.axon.VersionedCommandGateway;
import org.pledge.platform.readmodel.ReadModelProperties;
import org.pledge.platform.security.CurrentActor;
import org.pledge.platform.web.PledgeException;
import org.pledge.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The message templates (admin): list, read and save a variant per (template, language, channel), and preview one.
 * A PUT with the text of the current version changes nothing (200, same version: a retry is harmless); another text
 * makes the variant's next version (200), a new variant version 1 (201). It answers once the read model shows the
 * version, so the next message is written with it. Placeholders are checked against the trigger when a variant is
 * saved (docs/notification-templates.md).
 *
 * <p>Not {@code @Validated}: Spring MVC's method validation reports the path variables' constraints as a 400 problem.
 */
@RestController
@Tag(name = "Templates", description = "What clients are told: versioned message templates per language and channel")
class TemplateController {

    static final String LANGUAGE = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}";
    static final String CHANNEL = "EMAIL|SMS|LETTER";
    private static final String VARIANT = "/api/templates/{templateId}/{language}/{channel}";

    private final VersionedCommandGateway commands;
    private final Templates templates;
    private final TemplateRenderer renderer;
    private final TemplateProperties properties;
    private final ReadModelProperties readModel;
    private final Clock clock;

    TemplateController(VersionedCommandGateway commands, Templates templates, TemplateRenderer renderer, TemplateProperties properties,
                       ReadModelProperties readModel, Clock clock) {
        this.commands = commands;
        this.templates = templates;
        this.renderer = renderer;
        this.properties = properties;
        this.readModel = readModel;
        this.clock = clock;
    }

    @GetMapping("/api/templates")
    @Operation(operationId = "listTemplates", summary = "List the message templates",
            description = "Every template by id: the trigger it is written for, the placeholders that trigger gives (name, type, "
                    + "description) and the current version of each of its variants (language, channel).")
    List<TemplateViews.TemplateSummary> list() {
        return templates.all().stream().map(TemplateViews.TemplateSummary::of).toList();
    }

    @GetMapping(VARIANT)
    @Operation(operationId = "getTemplateVariant", summary = "Read a template's variant for a language and channel",
            description = "The current version of the variant, with the placeholders its trigger gives.")
    @ApiResponse(responseCode = "200", description = "The variant",
            headers = @Header(name = "ETag", description = "The variant's version, `W/\"<n>\"`", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "`template.not-found`: no such template, or no variant for this language and channel")
    ResponseEntity<TemplateViews.VariantView> get(@Parameter(description = "Template id") @PathVariable
                                                  @Pattern(regexp = TemplateIds.PATTERN) String templateId,
                                                  @Parameter(description = "Language (BCP 47), one of the configured ones, e.g. `fr`")
                                                  @PathVariable @Pattern(regexp = LANGUAGE) String language,
                                                  @PathVariable @Pattern(regexp = CHANNEL) String channel) {
        String lang = language.toLowerCase(Locale.ROOT);
        TemplateDocument template = templates.find(templateId).orElseThrow(TemplateNotFoundException::new);
        TemplateDocument.VariantDocument variant = template.variant(lang, Channel.valueOf(channel))
                .orElseThrow(TemplateNotFoundException::new);
        return ResponseEntity.ok().eTag("W/\"" + variant.version() + "\"").body(TemplateViews.VariantView.of(template, variant));
    }

    @PutMapping(VARIANT)
    @Operation(operationId = "saveTemplateVariant", summary = "Save a template's variant for a language and channel",
            description = "Checks the text against the trigger: placeholders are written `{{name}}` and must be values the trigger "
                    + "gives; the body is not empty; EMAIL and LETTER have a subject, SMS has none. The same text as the current "
                    + "version changes nothing; another text makes the variant's next version. A template id is written for one "
                    + "trigger: every variant names the same.")
    @ApiResponse(responseCode = "200", description = "Changed (the next version) or unchanged: the variant",
            headers = @Header(name = "ETag", description = "The variant's version, `W/\"<n>\"`", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "201", description = "Created (version 1): the variant",
            headers = @Header(name = "Location", description = "The variant", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "422", description = "Refused: `template.placeholder-unknown`, `template.placeholder-malformed`, "
            + "`template.body-empty`, `template.subject-required`, `template.subject-not-allowed`, `template.sms-too-long`, "
            + "`template.language-unsupported`, `template.trigger-mismatch`, `template.text-invalid`")
    ResponseEntity<TemplateViews.VariantView> save(@Parameter(description = "Template id: lower-case letters, digits and hyphens")
                                                   @PathVariable @Pattern(regexp = TemplateIds.PATTERN) String templateId,
                                                   @Parameter(description = "Language (BCP 47), one of the configured ones, e.g. `fr`")
                                                   @PathVariable @Pattern(regexp = LANGUAGE) String language,
                                                   @PathVariable @Pattern(regexp = CHANNEL) String channel,
                                                   @Valid @RequestBody TemplateRequests.Variant body) {
        String lang = supported(language);
        Channel ch = Channel.valueOf(channel);
        int before = templates.find(templateId).flatMap(t -> t.variant(lang, ch)).map(TemplateDocument.VariantDocument::version).orElse(0);
        String by = CurrentActor.current().map(CurrentActor::subject).orElse("unknown");
        VersionedCommandGateway.Outcome<Integer> outcome = commands.sendAndWait(SaveTemplateVariantCommand.of(templateId,
                Trigger.valueOf(body.trigger()), lang, ch, body.subject(), body.body(), false, by, clock.instant()));
        outcome.version().ifPresent(v -> templates.awaitSequence(templateId, v.version(), readModel.awaitTimeout(), readModel.pollInterval()));
        int version = outcome.result();
        TemplateDocument template = templates.find(templateId).orElseThrow(TemplateNotFoundException::new);
        TemplateDocument.VariantDocument variant = template.variant(lang, ch).orElseThrow(TemplateNotFoundException::new);
        TemplateViews.VariantView view = TemplateViews.VariantView.of(template, variant);
        String etag = "W/\"" + version + "\"";
        return before == 0 && version == 1
                ? ResponseEntity.created(URI.create("/api/templates/" + templateId + "/" + lang + "/" + ch)).eTag(etag).body(view)
                : ResponseEntity.ok().eTag(etag).body(view);
    }

    @PostMapping(VARIANT + "/preview")
    @Operation(operationId = "previewTemplateVariant", summary = "Preview a template's variant written out",
            description = "Writes out the saved variant (body `{}`, or only `values`), or the proposed text in the body (checked as a PUT would check it, "
                    + "nothing saved), in the path's language with the given raw values; a value not given is sampled (a date "
                    + "three weeks from now, 30.00 CAD, a passport case). Dates and money are formatted as clients see them.")
    @ApiResponse(responseCode = "200", description = "The text as a client would receive it")
    @ApiResponse(responseCode = "404", description = "`template.not-found`: no saved variant to preview and no proposed body")
    @ApiResponse(responseCode = "422", description = "`template.value-unknown` (a value the trigger does not give), "
            + "`template.value-invalid` (a DATE or MONEY value that cannot be read), `template.trigger-required`, or what a PUT "
            + "refuses for a proposed text")
    TemplateViews.PreviewView preview(@Parameter(description = "Template id") @PathVariable @Pattern(regexp = TemplateIds.PATTERN) String templateId,
                                      @Parameter(description = "Language (BCP 47), one of the configured ones, e.g. `fr`")
                                      @PathVariable @Pattern(regexp = LANGUAGE) String language,
                                      @PathVariable @Pattern(regexp = CHANNEL) String channel,
                                      @Valid @RequestBody TemplateRequests.Preview body) {
        String lang = supported(language);
        Channel ch = Channel.valueOf(channel);
        TemplateDocument saved = templates.find(templateId).orElse(null);
        Trigger trigger;
        String subject;
        String text;
        Integer version = null;
        if (body.body() != null) {
            trigger = body.trigger() != null ? Trigger.valueOf(body.trigger()) : saved != null ? saved.trigger() : null;
            if (trigger == null) {
                throw new TemplateRefusedException("template.trigger-required", "A proposed text of a new template names its trigger.");
            }
            TemplateRules.Text checked = TemplateRules.check(templateId, trigger, lang, ch, body.subject(), body.body(), properties);
            subject = checked.subject();
            text = checked.body();
        } else {
            TemplateDocument.VariantDocument variant = saved == null ? null : saved.variant(lang, ch).orElse(null);
            if (variant == null) {
                throw new TemplateNotFoundException();
            }
            trigger = saved.trigger();
            subject = variant.subject();
            text = variant.body();
            version = variant.version();
        }
        Map<String, String> values = values(trigger, body.values());
        return new TemplateViews.PreviewView(templateId, lang, ch.name(), version, renderer.render(trigger, lang, subject, values),
                renderer.render(trigger, lang, text, values), values);
    }

    private Map<String, String> values(Trigger trigger, Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>(TemplateSamples.of(trigger, clock));
        if (given == null) {
            return values;
        }
        for (Map.Entry<String, String> value : given.entrySet()) {
            Placeholder placeholder = trigger.placeholders().stream().filter(p -> p.name().equals(value.getKey())).findFirst()
                    .orElseThrow(() -> new TemplateRefusedException("template.value-unknown",
                            trigger + " gives no value " + Problems.echo(value.getKey()) + "."));
            if (!ValueFormatter.valid(placeholder.type(), value.getValue())) {
                throw new TemplateRefusedException("template.value-invalid", "The value of " + placeholder.name() + " is not a "
                        + placeholder.type() + (placeholder.type() == PlaceholderType.DATE
                        ? " (an ISO-8601 instant, e.g. 2027-01-15T17:00:00Z)" : " (a decimal amount and currency, e.g. 30.00 CAD)") + ".");
            }
            values.put(placeholder.name(), value.getValue());
        }
        return values;
    }

    private String supported(String language) {
        String lang = language.toLowerCase(Locale.ROOT);
        if (!properties.supports(lang)) {
            throw new TemplateRefusedException("template.language-unsupported",
                    "Templates are written in " + String.join(", ", properties.languages()) + " only.");
        }
        return lang;
    }

    static class TemplateNotFoundException extends PledgeException {
        TemplateNotFoundException() {
            super("template.not-found", HttpStatus.NOT_FOUND, "There is no such template variant.");
        }
    }
}
