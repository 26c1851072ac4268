package org.pledge.console.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The cases page's filters, as the person's browser sent them (a GET form: the filters stay in the URL) and as they go
 * on to case-service's {@code GET /api/cases}. Values case-service would refuse are found here first and shown beside
 * the form in plain words (the page answers 400), so a hand-edited URL gets a clear message, never a service's error.
 *
 * @param status      a case status, or blank for any
 * @param serviceType a service type code, or blank for any
 * @param atRisk      {@code true}: only cases at risk; blank for any
 * @param breached    {@code true}: only cases past their deadline; blank for any
 * @param page        0-based page
 * @param size        cases per page
 */
public record CaseSearch(String status, String serviceType, String atRisk, String breached, String page, String size) {

    /** case-service's statuses, in the order a case goes through them. */
    public static final List<String> STATUSES =
            List.of("SUBMITTED", "ASSIGNED", "IN_PROGRESS", "AWAITING_INFORMATION", "RESOLVED", "WITHDRAWN");
    public static final int DEFAULT_SIZE = 20;
    public static final List<Integer> SIZES = List.of(20, 50, 100);
    /** case-service's own limit on {@code page}. */
    static final int MAX_PAGE = 10_000;
    private static final Pattern SERVICE_TYPE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> BOOLEANS = Set.of("true", "false");

    public CaseSearch {
        status = blankToNull(status);
        serviceType = blankToNull(serviceType);
        atRisk = blankToNull(atRisk);
        breached = blankToNull(breached);
        page = blankToNull(page);
        size = blankToNull(size);
    }

    /** The fields that are not right, each with its message key (empty when all are). */
    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new FieldError("status", "cases.error.status"));
        }
        if (serviceType != null && !SERVICE_TYPE.matcher(serviceType).matches()) {
            errors.add(new FieldError("serviceType", "cases.error.service-type"));
        }
        if (atRisk != null && !BOOLEANS.contains(atRisk)) {
            errors.add(new FieldError("atRisk", "cases.error.flag"));
        }
        if (breached != null && !BOOLEANS.contains(breached)) {
            errors.add(new FieldError("breached", "cases.error.flag"));
        }
        Integer pageNumber = number(page);
        if (page != null && (pageNumber == null || pageNumber < 0 || pageNumber > MAX_PAGE)) {
            errors.add(new FieldError("page", "cases.error.page"));
        }
        if (size != null && !SIZES.contains(number(size))) {
            errors.add(new FieldError("size", "cases.error.size"));
        }
        return errors;
    }

    /** The page asked for; 0 when none (or a wrong one: {@link #errors()} says so). */
    public int pageNumber() {
        Integer number = number(page);
        return number == null || number < 0 || number > MAX_PAGE ? 0 : number;
    }

    /** Cases per page: {@link #DEFAULT_SIZE} unless one of {@link #SIZES} was asked for. */
    public int pageSize() {
        Integer number = number(size);
        return number != null && SIZES.contains(number) ? number : DEFAULT_SIZE;
    }

    /** Whether any filter is set (paging aside). */
    public boolean filtered() {
        return status != null || serviceType != null || atRisk != null || breached != null;
    }

    /** The query of case-service's {@code GET /api/cases}: the filters that are set, the page and its size. */
    public MultiValueMap<String, String> apiQuery() {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        filters(uri);
        uri.queryParam("page", pageNumber()).queryParam("size", pageSize());
        return uri.build().getQueryParams();
    }

    /** This page of the console's {@code /cases} with the same filters: for the pagination links. */
    public String pageUri(int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/cases");
        filters(uri);
        if (page > 0) {
            uri.queryParam("page", page);
        }
        if (pageSize() != DEFAULT_SIZE) {
            uri.queryParam("size", pageSize());
        }
        return uri.encode().build().toUriString();
    }

    private void filters(UriComponentsBuilder uri) {
        if (status != null) {
            uri.queryParam("status", status);
        }
        if (serviceType != null) {
            uri.queryParam("serviceType", serviceType);
        }
        if (atRisk != null) {
            uri.queryParam("atRisk", atRisk);
        }
        if (breached != null) {
            uri.queryParam("breached", breached);
        }
    }

    private static Integer number(String value) {
        if (value == null || value.length() > 6 || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.valueOf(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A field that is not right and the message that says why. */
    public record FieldError(String field, String message) {
    }
}
