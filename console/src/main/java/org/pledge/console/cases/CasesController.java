package org.pledge.console.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import org.pledge.console.services.Service;
import org.pledge.console.services.ServiceApis;
import org.pledge.console.services.ServiceProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The cases pages (caseworker, operations, auditor):
 * <ul>
 *   <li>{@code GET /cases}: search by status, service type, at risk and breached, a page at a time (case-service's
 *       {@code GET /api/cases}); a GET form, so the filters are in the URL and the page works without JavaScript.</li>
 *   <li>{@code GET /cases/find?caseId=}: look one case up by its id (a redirect to its page).</li>
 *   <li>{@code GET /cases/{caseId}}: the case and its clock ({@code GET /api/cases/{caseId}}) and its timeline: the
 *       case's history ({@code GET /api/cases/{caseId}/history}, caseworker and auditor) merged with what the client was
 *       told (notification-service's {@code GET /api/notifications?caseId=}, caseworker, operations and auditor).</li>
 * </ul>
 * A source the person's role may not read is not asked, and the page says so; a source that fails leaves the rest of
 * the page standing, with a note. A case that does not exist is case-service's 404, shown on the problem page.
 */
@Controller
@RequestMapping("/cases")
class CasesController {

    private static final Logger log = LoggerFactory.getLogger(CasesController.class);
    /** The roles case-service lets read a case's history. */
    static final List<String> HISTORY_ROLES = List.of("caseworker", "auditor");
    /** The roles notification-service lets list a case's notifications. */
    static final List<String> NOTIFICATION_ROLES = List.of("caseworker", "operations", "auditor");
    /** notification-service's largest page: a case has a handful of notifications, rarely more. */
    static final int NOTIFICATIONS_PAGE = 200;
    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** Whether a part of the case page could be read. */
    enum Source {
        /** Read and shown. */
        SHOWN,
        /** The person's role may not read it: not asked. */
        NOT_FOR_ROLE,
        /** Asked, but the service did not answer it. */
        UNAVAILABLE
    }

    private final ServiceApis apis;

    CasesController(ServiceApis apis) {
        this.apis = apis;
    }

    /**
     * The search. Filters that are not right are shown beside the form with a 400, except to htmx (its request swaps
     * the results in place, and htmx swaps only 2xx answers: the same page with its error summary comes as a 200).
     */
    @GetMapping
    String search(@ModelAttribute("search") CaseSearch search, Model model, HttpServletResponse response,
                  @RequestHeader(name = "HX-Request", required = false) String htmx) {
        List<CaseSearch.FieldError> errors = search.errors();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(error -> fieldErrors.putIfAbsent(error.field(), error.message()));
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("statuses", CaseSearch.STATUSES);
        model.addAttribute("sizes", CaseSearch.SIZES);
        if (!errors.isEmpty()) {
            if (htmx == null) {
                response.setStatus(400);
            }
            model.addAttribute("cases", List.of());
            return "cases/list";
        }
        JsonNode found = apis.client(Service.CASE).get()
                .uri(uri -> uri.path("/api/cases").queryParams(search.apiQuery()).build())
                .retrieve()
                .body(JsonNode.class);
        List<CaseView> cases = new ArrayList<>();
        if (found != null) {
            found.forEach(item -> cases.add(CaseView.of(item)));
        }
        model.addAttribute("cases", cases);
        // case-service gives no total: a full page means there may be another
        model.addAttribute("hasNext", cases.size() == search.pageSize());
        return "cases/list";
    }

    @GetMapping("/find")
    String find(@RequestParam(name = "caseId", required = false) String caseId, Model model, HttpServletResponse response) {
        String id = caseId == null ? "" : caseId.strip();
        if (!CASE_ID.matcher(id).matches()) {
            model.addAttribute("lookupError", id.isEmpty() ? "cases.error.case-id-missing" : "cases.error.case-id");
            model.addAttribute("lookupValue", id);
            CaseSearch all = new CaseSearch(null, null, null, null, null, null);
            model.addAttribute("search", all);
            response.setStatus(400);
            return search(all, model, response, null);
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/cases/{caseId}").buildAndExpand(id).encode().toUriString();
    }

    @GetMapping("/{caseId}")
    String read(@PathVariable String caseId, Authentication person, Model model) {
        JsonNode json = apis.client(Service.CASE).get().uri("/api/cases/{caseId}", caseId).retrieve().body(JsonNode.class);
        CaseView view = CaseView.of(json);
        model.addAttribute("kase", view);

        JsonNode history = null;
        Source historySource = Source.NOT_FOR_ROLE;
        if (hasAny(person, HISTORY_ROLES)) {
            try {
                history = apis.client(Service.CASE).get().uri("/api/cases/{caseId}/history", caseId)
                        .retrieve().body(JsonNode.class);
                historySource = Source.SHOWN;
            } catch (ServiceProblemException | RestClientException failure) {
                historySource = unread(failure, "history");
            }
        }
        JsonNode notifications = null;
        long notificationsTotal = 0;
        Source notificationSource = Source.NOT_FOR_ROLE;
        if (hasAny(person, NOTIFICATION_ROLES)) {
            try {
                JsonNode page = apis.client(Service.NOTIFICATION).get()
                        .uri("/api/notifications?caseId={caseId}&size={size}", caseId, NOTIFICATIONS_PAGE)
                        .retrieve().body(JsonNode.class);
                notifications = page == null ? null : page.path("items");
                notificationsTotal = page == null ? 0 : page.path("total").asLong(notifications.size());
                notificationSource = Source.SHOWN;
            } catch (ServiceProblemException | RestClientException failure) {
                notificationSource = unread(failure, "notifications");
            }
        }
        model.addAttribute("timeline", CaseTimeline.merge(history, notifications));
        model.addAttribute("historySource", historySource);
        model.addAttribute("notificationSource", notificationSource);
        model.addAttribute("notificationsShown", notifications == null ? 0 : notifications.size());
        model.addAttribute("notificationsTotal", notificationsTotal);
        return "cases/case";
    }

    /** A part of the page that could not be read: said on the page, logged without anything personal. */
    private static Source unread(RuntimeException failure, String part) {
        if (failure instanceof ServiceProblemException problem && (problem.status() == 403 || problem.status() == 401)) {
            return Source.NOT_FOR_ROLE; // the service's rules changed, or the role's: it refuses anyway
        }
        log.warn("The case page shows no {}: {}", part, failure.getMessage());
        return Source.UNAVAILABLE;
    }

    private static boolean hasAny(Authentication person, List<String> roles) {
        if (person == null) {
            return false;
        }
        for (GrantedAuthority authority : person.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.startsWith("ROLE_") && roles.contains(name.substring("ROLE_".length()))) {
                return true;
            }
        }
        return false;
    }
}
