package org.pledge.console.services;

/**
 * A service answered with an error: its RFC 9457 problem, as far as it gave one. Shown to the person in plain words
 * by {@code shell.ProblemAdvice} (the message {@code problem.<code>} when the console has one, else the service's own
 * title and detail). Carries nothing personal: services keep personal data out of problems.
 *
 * @param service the service that answered
 * @param status  the HTTP status it answered with
 * @param code    the problem's {@code code} (e.g. {@code claim.four-eyes}), or {@code http.<status>} when it gave none
 * @param title   the problem's title, or null
 * @param detail  the problem's detail, or null
 */
public class ServiceProblemException extends RuntimeException {

    private final Service service;
    private final int status;
    private final String code;
    private final String title;
    private final String detail;

    public ServiceProblemException(Service service, int status, String code, String title, String detail) {
        super(service.id() + " answered " + status + " " + code);
        this.service = service;
        this.status = status;
        this.code = code;
        this.title = title;
        this.detail = detail;
    }

    public Service service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }
}
