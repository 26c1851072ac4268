package org.pledge.notification.contact.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.pledge.notification.contact.api.ContactChannels;
import org.pledge.notification.contact.api.NewestStatement;
import org.pledge.notification.contact.api.SetContactPreferencesCommand;
import org.pledge.notification.contact.query.ContactReading;
import org.pledge.notification.contact.query.Contacts;
import org.pledge.platform.axon.AggregateVersion;
import org.pledge.platform.axon.VersionedCommandGateway;
import org.pledge.platform.readmodel.ReadModelProperties;
import org.pledge.platform.validation.ContactRules;
import org.pledge.platform.validation.LanguageTag;
import org.pledge.platform.validation.TextRules;
import org.pledge.platform.web.PledgeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How a client wants to be told: the language and channel in force, and the client's own preference set by a channel or a
 * caseworker. The newest statement wins, field by field: a preference set now holds until the client submits a newer
 * case that states another language or channel ({@link NewestStatement}). No personal data: a language and a channel.
 *
 * <p>A PUT is idempotent by content: the preference in force already stores nothing and answers the same version.
 */
@RestController
@RequestMapping("/api/contacts")
@Tag(name = "Contacts")
class PreferencesController {

    private static final Logger log = LoggerFactory.getLogger(PreferencesController.class);

    private final VersionedCommandGateway commands;
    private final Contacts contacts;
    private final ReadModelProperties readModel;
    private final Clock clock;
    private final Set<String> languages;

    PreferencesController(VersionedCommandGateway commands, Contacts contacts, ReadModelProperties readModel, Clock clock,
                          @Value("${pledge.notifications.languages:en,fr}") List<String> languages) {
        this.commands = commands;
        this.contacts = contacts;
        this.readModel = readModel;
        this.clock = clock;
        this.languages = languages.stream().map(tag -> Locale.forLanguageTag(tag.strip()).getLanguage()).collect(Collectors.toSet());
    }

    @Schema(name = "ContactPreferencesRequest", description = "How the client wants to be told from now on (both required)")
    record PreferencesRequest(
            @Schema(description = "BCP 47 language tag whose language the service writes in (`pledge.notifications.languages`, "
                    + "by default en and fr): `fr-CA`, `en`", example = "fr-CA")
            @NotNull @Size(max = ContactRules.LANGUAGE_TAG_MAX_LENGTH)
            @Pattern(regexp = ContactRules.LANGUAGE_TAG, message = ContactRules.LANGUAGE_TAG_MESSAGE) @LanguageTag String language,
            @Schema(description = "The channel to try first; the client must have a contact point on it",
                    allowableValues = {"EMAIL", "SMS", "LETTER"})
            @NotNull @Pattern(regexp = ContactChannels.PATTERN, message = "must be EMAIL, SMS or LETTER") String channel) {
    }

    @Schema(name = "ContactPreferences", description = "How a client is told: the language and channel in force, and whose "
            + "statement each is. Not personal data")
    record PreferencesView(
            String subjectRef,
            @Schema(description = "BCP 47 tag in force, may be null") String language,
            @Schema(allowableValues = {"EMAIL", "SMS", "LETTER"}, description = "The channel tried first, may be null") String channel,
            @Schema(allowableValues = {"CASE", "PREFERENCE"}, description = "CASE: as the client's newest case stated it; "
                    + "PREFERENCE: as set through this API after that case was submitted") String languageSource,
            @Schema(allowableValues = {"CASE", "PREFERENCE"}) String channelSource,
            @Schema(description = "When the client's own preference was set; null when never") Instant preferencesStatedAt,
            @Schema(description = "The client's newest case") String caseId,
            @Schema(description = "When that case was submitted") Instant submittedAt) {

        static PreferencesView of(ContactReading c) {
            return new PreferencesView(c.subjectRef(), c.language(), c.preferredChannel(), name(c.languageSource()),
                    name(c.channelSource()), c.preferencesStatedAt(), c.caseId(), c.submittedAt());
        }

        private static String name(NewestStatement.Source source) {
            return source == null ? null : source.name();
        }
    }

    @GetMapping("/{subjectRef}/preferences")
    @Operation(operationId = "getContactPreferences", summary = "Read how a client wants to be told",
            description = "The language and channel in force for a data subject, and whether each is their newest case's statement "
                    + "or their own preference set through this API (the newer one wins). Channel and caseworker.")
    @ApiResponse(responseCode = "200", description = "The preferences", headers = @Header(name = "ETag",
            description = "The contact's version, `W/\"<n>\"`", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "`contact.not-found`: no case of this subject was received")
    @ApiResponse(responseCode = "410", description = "`contact.erased`: the subject was erased")
    ResponseEntity<PreferencesView> get(@Parameter(description = "The data subject: the applicant's reference from the channel")
                                        @PathVariable @Size(min = 1, max = ContactController.MAX_SUBJECT_LENGTH)
                                        @Pattern(regexp = TextRules.SINGLE_LINE) String subjectRef) {
        ContactReading contact = readable(subjectRef);
        return ResponseEntity.ok().eTag("W/\"" + contact.version() + "\"").body(PreferencesView.of(contact));
    }

    @PutMapping("/{subjectRef}/preferences")
    @Operation(operationId = "setContactPreferences", summary = "Set how a client wants to be told",
            description = "Records the client's own preference, stated now: it is in force until the client submits a newer case "
                    + "that states another language or channel (a case that states none leaves it). The same preference again, "
                    + "while in force, changes nothing (200, the same version): a retry is harmless. Answers once a read shows it. "
                    + "The language is normalised (`FR-ca` → `fr-CA`).")
    @ApiResponse(responseCode = "200", description = "Set, or in force already: the preferences", headers = @Header(name = "ETag",
            description = "The contact's version, `W/\"<n>\"`", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "`request.validation-failed` (`language` not a BCP 47 tag, `channel` not "
            + "EMAIL, SMS or LETTER, either missing) or `request.malformed`")
    @ApiResponse(responseCode = "404", description = "`contact.not-found`: no case of this subject was received")
    @ApiResponse(responseCode = "410", description = "`contact.erased`: the subject was erased")
    @ApiResponse(responseCode = "422", description = "`contact.language-unsupported`: the service writes in no such language; "
            + "`contact.channel-unreachable`: the client's newest case gave no contact point for that channel")
    ResponseEntity<PreferencesView> put(@Parameter(description = "The data subject: the applicant's reference from the channel")
                                        @PathVariable @Size(min = 1, max = ContactController.MAX_SUBJECT_LENGTH)
                                        @Pattern(regexp = TextRules.SINGLE_LINE) String subjectRef,
                                        @Valid @RequestBody PreferencesRequest body) {
        Locale locale = Locale.forLanguageTag(body.language());
        if (!languages.contains(locale.getLanguage())) {
            throw new LanguageUnsupportedException(languages);
        }
        if (contacts.find(subjectRef).filter(ContactReading::erased).isPresent()) {
            throw new ContactController.ContactErasedException();
        }
        SetContactPreferencesCommand command = SetContactPreferencesCommand.of(subjectRef, locale.toLanguageTag(), body.channel(),
                clock.instant());
        long version;
        try {
            version = commands.sendAndWait(command).version().map(AggregateVersion::version).orElse(-1L);
        } catch (AggregateNotFoundException e) {
            throw new ContactController.ContactNotFoundException();
        }
        if (version >= 0 && !contacts.awaitSequence(subjectRef, version, readModel.awaitTimeout(), readModel.pollInterval())) {
            log.info("contacts did not show contact {} at {} within {}; answering anyway", command.contactId(), version,
                    readModel.awaitTimeout());
        }
        ContactReading contact = readable(subjectRef);
        return ResponseEntity.ok().eTag("W/\"" + Math.max(version, contact.version()) + "\"").body(PreferencesView.of(contact));
    }

    private ContactReading readable(String subjectRef) {
        ContactReading contact = contacts.find(subjectRef).orElseThrow(ContactController.ContactNotFoundException::new);
        if (contact.erased()) {
            throw new ContactController.ContactErasedException();
        }
        return contact;
    }

    static class LanguageUnsupportedException extends PledgeException {
        LanguageUnsupportedException(Set<String> languages) {
            super("contact.language-unsupported", HttpStatus.UNPROCESSABLE_ENTITY,
                    "The service writes to clients in " + String.join(", ", languages.stream().sorted().toList())
                            + " only: choose one of them (a regional variant such as fr-CA is fine).");
        }
    }
}
