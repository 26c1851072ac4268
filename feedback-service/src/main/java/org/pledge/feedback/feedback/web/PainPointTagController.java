package org.pledge.feedback.feedback.web;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledge.feedback.feedback.api.PainPointTag;
import org.pledge.feedback.feedback.api.SavePainPointTagsCommand;
import org.pledge.feedback.feedback.query.KnownPainPointTags;
import org.pledge.feedback.feedback.query.PainPointTagDocument;
import org.pledge.platform.axon.AggregateVersion;
import org.pledge.platform.axon.VersionedCommandGateway;
import org.pledge.platform.validation.TextRules;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The fixed list of pain points clients can name (admin manages it; channels and operations read it). */
@RestController
@Tag(name = "Pain-point tags", description = "The pain points a client can name")
class PainPointTagController {

    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(5);

    private final VersionedCommandGateway commands;
    private final KnownPainPointTags tags;
    private final Clock clock;

    PainPointTagController(VersionedCommandGateway commands, KnownPainPointTags tags, Clock clock) {
        this.commands = commands;
        this.tags = tags;
        this.clock = clock;
    }

    @Schema(name = "PainPointTagList", description = "The tags in the order offered, and the list's version")
    record TagList(@Schema(description = "Each tag's code and its labels in `en` and `fr`") List<PainPointTag> tags,
                   @Schema(description = "1 for the first content; each different content is the next") int version) {
    }

    @Schema(name = "PainPointTagListRequest")
    record TagListBody(@NotNull @Size(max = 50) List<@Valid TagBody> tags) {
    }

    @Schema(name = "PainPointTagRequest")
    record TagBody(@Schema(description = "1 to 40 lower-case letters, digits and dashes", example = "waiting-time") String code,
                   @Schema(description = "Labels by language: exactly `en` and `fr`", example = "{\"en\":\"Waiting time\",\"fr\":\"Temps d'attente\"}")
                   Map<String, @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String> labels) {
    }

    @GetMapping("/api/pain-point-tags")
    @Operation(operationId = "getPainPointTags", summary = "Read the pain-point tags")
    TagList get() {
        return tags.list().map(d -> new TagList(d.painPointTags(), d.version())).orElse(new TagList(List.of(), 0));
    }

    @PutMapping("/api/pain-point-tags")
    @Operation(operationId = "putPainPointTags", summary = "Replace the pain-point tags",
            description = "Idempotent by content: the same list again changes nothing (same version). Answers already given keep "
                    + "the codes they named.")
    @ApiResponse(responseCode = "200", description = "The list now")
    @ApiResponse(responseCode = "400", description = "`request.validation-failed` or `request.malformed`")
    @ApiResponse(responseCode = "422", description = "`feedback.invalid-pain-point-tags` (with `field`): a bad or repeated code, "
            + "labels other than exactly `en` and `fr`, a blank or over-long label, more than 50 tags")
    TagList put(@Valid @RequestBody TagListBody body, Principal principal) {
        List<PainPointTag> list = body.tags().stream()
                .map(t -> t == null ? null : new PainPointTag(t.code(), t.labels() == null ? null : new java.util.HashMap<>(t.labels()))).toList();
        VersionedCommandGateway.Outcome<Integer> outcome = commands.sendAndWait(new SavePainPointTagsCommand(
                SavePainPointTagsCommand.LIST_ID, list, false, principal.getName(), clock.instant()));
        int version = outcome.result() == null ? 0 : outcome.result();
        outcome.version().map(AggregateVersion::version).ifPresent(v -> tags.awaitVersion((int) (v + 1), READ_MODEL_WAIT));
        PainPointTagDocument now = tags.list().orElse(null);
        return now != null && now.version() >= version ? new TagList(now.painPointTags(), now.version()) : new TagList(list, version);
    }
}
