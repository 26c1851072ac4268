package org.pledge.notification.contact.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledge.notification.contact.query.ContactReading;
import org.pledge.notification.contact.query.Contacts;
import org.pledge.platform.validation.TextRules;
import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the service reaches a client, per data subject (caseworker, admin): personal data, so no other role reads it.
 * Once the subject is erased the answer is 410 {@code contact.erased}, and nothing of its personal data is returned.
 *
 * <p>Not {@code @Validated}: Spring MVC's method validation reports the path variable's constraints as a 400 problem.
 */
@RestController
@RequestMapping("/api/contacts")
@Tag(name = "Contacts", description = "How clients are reached: contact points, language and channel per data subject")
class ContactController {

    /** The longest subject reference the case contracts carry ({@code applicantReference}). */
    static final int MAX_SUBJECT_LENGTH = 128;

    private final Contacts contacts;

    ContactController(Contacts contacts) {
        this.contacts = contacts;
    }

    /**
     * A client's contact as the API shows it.
     *
     * @param caseId      the case whose submission stated it (the newest)
     * @param submittedAt when that case was submitted
     * @param recordedAt  when this service recorded it
     */
    @Schema(name = "Contact", description = "How a client is reached. PERSONAL DATA: name and contact points")
    record ContactView(
            @Schema(description = "The data subject: the channel's opaque reference for the client (a case's applicantReference)")
            String subjectRef,
            @Schema(description = "PERSONAL DATA, may be null") String name,
            @Schema(description = "PERSONAL DATA, may be null") String email,
            @Schema(description = "PERSONAL DATA (E.164), may be null") String phone,
            @Schema(description = "PERSONAL DATA, may be null (lines separated by LF)") String postalAddress,
            @Schema(description = "BCP 47 language tag the client wants to be told in") String language,
            @Schema(allowableValues = {"EMAIL", "SMS", "LETTER"}) String preferredChannel,
            @Schema(description = "The case whose submission stated this contact (the client's newest)") String caseId,
            @Schema(description = "When that case was submitted") Instant submittedAt,
            @Schema(description = "When this service recorded the contact") Instant recordedAt) {

        static ContactView of(ContactReading c) {
            return new ContactView(c.subjectRef(), c.name(), c.email(), c.phone(), c.postalAddress(), c.language(),
                    c.preferredChannel(), c.caseId(), c.submittedAt(), c.recordedAt());
        }

        /** No personal data in a log line. */
        @Override
        public String toString() {
            return "ContactView[" + subjectRef + "]";
        }
    }

    @GetMapping("/{subjectRef}")
    @Operation(operationId = "getContact", summary = "Read how a client is reached",
            description = "The contact points (name, email, phone in E.164, postal address), preferred language and channel of a "
                    + "data subject (the applicant's reference from the channel), as the newest of its cases stated them. "
                    + "Personal data: caseworker and admin only. Once the subject is erased: 410 `contact.erased`, with no "
                    + "personal data; an unknown subject: 404 `contact.not-found`.")
    @ApiResponse(responseCode = "200", description = "The contact",
            headers = @Header(name = "ETag", description = "The contact's version, `W/\"<n>\"`: the sequence number of its last event "
                    + "shown", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "`contact.not-found`: no contact for this subject")
    @ApiResponse(responseCode = "410", description = "`contact.erased`: the subject was erased; nothing of its personal data is kept")
    ResponseEntity<ContactView> get(@Parameter(description = "The data subject: the applicant's reference from the channel")
                                    @PathVariable @Size(min = 1, max = MAX_SUBJECT_LENGTH)
                                    @Pattern(regexp = TextRules.SINGLE_LINE) String subjectRef) {
        ContactReading contact = contacts.find(subjectRef).orElseThrow(ContactNotFoundException::new);
        if (contact.erased()) {
            throw new ContactErasedException();
        }
        return ResponseEntity.ok().eTag("W/\"" + contact.version() + "\"").body(ContactView.of(contact));
    }

    static class ContactNotFoundException extends PledgeException {
        ContactNotFoundException() {
            super("contact.not-found", HttpStatus.NOT_FOUND, "There is no contact for this data subject.");
        }
    }

    static class ContactErasedException extends PledgeException {
        ContactErasedException() {
            super("contact.erased", HttpStatus.GONE, "This data subject was erased: nothing of its personal data is kept.");
        }
    }
}
