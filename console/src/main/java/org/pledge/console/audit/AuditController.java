package org.pledge.console.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.pledge.console.audit.AuditViews.CaseHistoryEntry;
import org.pledge.console.audit.AuditViews.Claim;
import org.pledge.console.audit.AuditViews.FeedbackPage;
import org.pledge.console.audit.AuditViews.NotificationPage;
import org.pledge.console.audit.AuditViews.Verification;
import org.pledge.console.operations.ServicePart;
import org.pledge.console.operations.ServiceParts;
import org.pledge.console.services.Service;
import org.pledge.console.services.ServiceApis;
import org.pledge.console.services.ServiceProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /audit} (auditor): each service's audit chain verified ({@code GET /api/audit/verification}) in plain words,
 * and {@code /audit/cases/{caseId}}: a case's full history across the four services. Each service's part stands on its
 * own: one that cannot answer shows a note and the others still show.
 */
@Controller
public class AuditController {

    /** The case ids the services accept ({@code [A-Za-z0-9._:-]}, case-service's 64 at most). */
    static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int MOST = 200;

    private final ServiceApis apis;
    private final ServiceParts parts;
    private final MessageSource messages;

    public AuditController(ServiceApis apis, ServiceParts parts, MessageSource messages) {
        this.apis = apis;
        this.parts = parts;
        this.messages = messages;
    }

    @GetMapping("/audit")
    String audit(Model model) {
        List<ServicePart<Verification>> chains = new ArrayList<>();
        for (Service service : Service.values()) {
            chains.add(parts.ask(service, () -> apis.client(service).get().uri("/api/audit/verification").retrieve()
                    .body(Verification.class)));
        }
        model.addAttribute("chains", chains);
        return "audit/audit";
    }

    /** The form on {@code /audit}: a case id, checked, then its page. */
    @GetMapping("/audit/cases")
    String findCase(@RequestParam(name = "caseId", required = false) String caseId, Model model,
                    HttpServletResponse response) {
        String id = caseId == null ? "" : caseId.strip();
        if (!CASE_ID.matcher(id).matches()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("caseIdError", id.isEmpty() ? "audit.case.id-missing" : "audit.case.id-invalid");
            model.addAttribute("caseId", caseId);
            return audit(model);
        }
        return "redirect:/audit/cases/" + id;
    }

    @GetMapping("/audit/cases/{caseId}")
    String caseHistory(@PathVariable("caseId") String caseId, Model model) {
        if (!CASE_ID.matcher(caseId).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ServicePart<List<CaseHistoryEntry>> history = parts.ask(Service.CASE, () -> apis.client(Service.CASE).get()
                .uri("/api/cases/{caseId}/history", caseId).retrieve()
                .body(new ParameterizedTypeReference<List<CaseHistoryEntry>>() {
                }));
        ServicePart<NotificationPage> notifications = parts.ask(Service.NOTIFICATION, () -> apis.client(Service.NOTIFICATION)
                .get().uri(uri -> uri.path("/api/notifications").queryParam("caseId", caseId).queryParam("size", MOST).build())
                .retrieve().body(NotificationPage.class));
        ServicePart<FeedbackPage> feedback = parts.ask(Service.FEEDBACK, () -> apis.client(Service.FEEDBACK).get()
                .uri(uri -> uri.path("/api/feedback").queryParam("caseId", caseId).queryParam("size", MOST).build())
                .retrieve().body(FeedbackPage.class));
        String claimId = claimId(caseId);
        ServicePart<Claim> claim = parts.ask(Service.GUARANTEE, () -> {
            try {
                return apis.client(Service.GUARANTEE).get().uri("/api/claims/{claimId}", claimId).retrieve()
                        .body(Claim.class);
            } catch (ServiceProblemException problem) {
                if (problem.status() == HttpStatus.NOT_FOUND.value()) {
                    return null; // no claim: a case without a guarantee, or not late
                }
                throw problem;
            }
        });
        List<ServicePart<?>> notes = new ArrayList<>();
        for (ServicePart<?> part : List.of(history, notifications, feedback, claim)) {
            if (!part.ok()) {
                notes.add(part);
            }
        }
        List<CaseTimeline> timeline = CaseTimeline.of(
                history.ok() && history.value() != null ? history.value() : List.of(),
                notifications.ok() && notifications.value() != null ? notifications.value().items() : List.of(),
                feedback.ok() && feedback.value() != null ? feedback.value().items() : List.of(),
                claim.ok() ? claim.value() : null,
                (key, args) -> messages.getMessage(key, args, key, LocaleContextHolder.getLocale()));
        model.addAttribute("caseId", caseId);
        model.addAttribute("timeline", timeline);
        model.addAttribute("notes", notes);
        model.addAttribute("caseKnown", history.ok() && history.value() != null && !history.value().isEmpty());
        model.addAttribute("claim", claim.ok() ? claim.value() : null);
        model.addAttribute("claimChecked", claim.ok());
        return "audit/case";
    }

    /** guarantee-service's claim id of a case ({@code GuaranteeClaimIds}): one claim per case, name-based. */
    static String claimId(String caseId) {
        return UUID.nameUUIDFromBytes(("pledge:guarantee:claim:" + caseId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
