package org.pledge.console.refunds;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.pledge.console.refunds.GuaranteeViews.Claim;
import org.pledge.console.refunds.GuaranteeViews.ClaimPage;
import org.pledge.console.services.Service;
import org.pledge.console.services.ServiceApis;
import org.pledge.console.services.ServiceProblemException;
import org.pledge.console.shell.ProblemAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Finance's refund queue ({@code /refunds}) and a claim ({@code /refunds/{claimId}}) with its history and the
 * approve/reject form, over guarantee-service's claims API with the person's own token. The form is shown only to
 * whoever may decide ({@link FourEyes}); the service refuses anyway, and its problem is shown beside the form.
 */
@Controller
class RefundsController {

    /** The statuses a claim can have, in the order of its life (guarantee-service's {@code ClaimStatus}). */
    static final List<String> STATUSES = List.of("AWAITING_APPROVAL", "PAYMENT_FAILED", "AWAITING_PAYOUT_DETAILS", "PAYING",
            "PAID", "REJECTED", "OPEN", "WATCHING", "CLOSED");
    static final int PAGE_SIZE = 25;
    static final int REASON_MAX = 1000;
    private static final Pattern SERVICE_TYPE = Pattern.compile("[A-Z0-9_-]{1,64}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~:+/=-]{1,128}");
    private static final Pattern CONTROL = Pattern.compile(
            "[\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\p{Cs}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");

    private final ServiceApis services;
    private final ProblemAdvice problems;

    RefundsController(ServiceApis services, ProblemAdvice problems) {
        this.services = services;
        this.problems = problems;
    }

    @GetMapping("/refunds")
    String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String serviceType,
                 @RequestParam(required = false) String page, Model model, HttpServletResponse response) {
        String wantedStatus = status == null ? "AWAITING_APPROVAL" : status.trim().toUpperCase(Locale.ROOT);
        String wantedType = serviceType == null ? "" : serviceType.trim().toUpperCase(Locale.ROOT);
        int wantedPage = pageNumber(page);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("status", wantedStatus);
        model.addAttribute("serviceType", wantedType);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (!wantedStatus.isEmpty() && !STATUSES.contains(wantedStatus)) {
            errors.put("status", "refunds.error.status");
        }
        if (!wantedType.isEmpty() && !SERVICE_TYPE.matcher(wantedType).matches()) {
            errors.put("serviceType", "refunds.error.service-type");
        }
        if (wantedPage < 0) {
            errors.put("page", "refunds.error.page");
        }
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("claims", new ClaimPage(List.of(), 0, PAGE_SIZE, 0));
            return "refunds/queue";
        }
        ClaimPage claims = services.client(Service.GUARANTEE).get()
                .uri(uri -> {
                    uri.path("/api/claims").queryParam("page", wantedPage).queryParam("size", PAGE_SIZE);
                    if (!wantedStatus.isEmpty()) {
                        uri.queryParam("status", wantedStatus);
                    }
                    if (!wantedType.isEmpty()) {
                        uri.queryParam("serviceType", wantedType);
                    }
                    return uri.build();
                })
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(ClaimPage.class);
        model.addAttribute("claims", claims);
        long pages = claims == null || claims.total() == 0 ? 1 : (claims.total() + PAGE_SIZE - 1) / PAGE_SIZE;
        model.addAttribute("pages", pages);
        model.addAttribute("page", wantedPage);
        return "refunds/queue";
    }

    @GetMapping("/refunds/{claimId:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}")
    String claim(@PathVariable String claimId, Authentication person, Model model) {
        showClaim(claimId, person, model);
        model.addAttribute("form", new DecisionForm(null, "", ServiceApis.newIdempotencyKey()));
        model.addAttribute("errors", Map.of());
        return "refunds/claim";
    }

    @PostMapping("/refunds/{claimId:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}/decision")
    Object decide(@PathVariable String claimId, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String idempotencyKey,
                  Authentication person, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        String wanted = decision == null ? "" : decision.trim().toUpperCase(Locale.ROOT);
        String why = reason == null ? "" : reason.strip();
        String key = idempotencyKey == null || !KEY.matcher(idempotencyKey).matches() ? null : idempotencyKey;
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (!wanted.equals("APPROVE") && !wanted.equals("REJECT")) {
            errors.put("decision", "refund.error.decision");
        } else if (wanted.equals("REJECT") && why.isEmpty()) {
            errors.put("reason", "refund.error.reason-required");
        }
        if (why.length() > REASON_MAX) {
            errors.put("reason", "refund.error.reason-too-long");
        } else if (CONTROL.matcher(why.replace("\r\n", "\n").replace('\n', ' ')).find()) {
            errors.put("reason", "refund.error.reason-characters");
        }
        if (key == null) {
            errors.put("form", "refund.error.form-expired");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            showClaim(claimId, person, model);
            model.addAttribute("form", new DecisionForm(wanted, why, key != null ? key : ServiceApis.newIdempotencyKey()));
            model.addAttribute("errors", errors);
            return "refunds/claim";
        }
        try {
            services.client(Service.GUARANTEE).post()
                    .uri("/api/claims/{claimId}/approvals", claimId)
                    .header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(why.isEmpty() ? Map.of("decision", wanted) : Map.of("decision", wanted, "reason", why))
                    .retrieve()
                    .toBodilessEntity();
        } catch (ServiceProblemException refused) {
            if (refused.status() >= 500 || refused.status() == 401 || "claim.not-found".equals(refused.code())) {
                throw refused;
            }
            response.setStatus(refused.status());
            showClaim(claimId, person, model);
            model.addAttribute("form", new DecisionForm(wanted, why, ServiceApis.newIdempotencyKey()));
            model.addAttribute("errors", Map.of());
            model.addAttribute("refusal", problems.words(refused));
            model.addAttribute("refusalCode", refused.code());
            return "refunds/claim";
        }
        redirect.addFlashAttribute("decided", wanted);
        return seeOther("/refunds/" + claimId);
    }

    private void showClaim(String claimId, Authentication person, Model model) {
        Claim claim = services.client(Service.GUARANTEE).get()
                .uri("/api/claims/{claimId}", claimId)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(Claim.class);
        FourEyes.Verdict verdict = FourEyes.verdict(claim, subject(person), hasRole(person, "finance"));
        model.addAttribute("claim", claim);
        model.addAttribute("verdict", verdict);
    }

    /** Post/redirect/get: a 303, so that a reload shows the page instead of posting again. */
    static RedirectView seeOther(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }

    static String subject(Authentication person) {
        if (person != null && person.getPrincipal() instanceof OidcUser user) {
            return user.getSubject();
        }
        return person == null ? "" : person.getName();
    }

    static boolean hasRole(Authentication person, String role) {
        return person != null && person.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }

    private static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 0;
        }
        try {
            int number = Integer.parseInt(page.trim());
            return number > 100_000 ? -1 : number;
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    /** The decision form's values, kept when it comes back with errors. */
    public record DecisionForm(String decision, String reason, String idempotencyKey) {
    }
}
