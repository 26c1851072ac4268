package org.pledge.console.shell;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The console's sections, each with the roles that may open it (the same as {@code config.ConsoleSecurity}'s rules):
 * the header and the home page link only what the signed-in person may use.
 *
 * @param path    the section's page
 * @param message its label's message key
 * @param roles   roles that may open it
 */
public record Navigation(String path, String message, Set<String> roles) {

    public static final List<Navigation> SECTIONS = List.of(
            new Navigation("/service-levels", "nav.service-levels", Set.of("operations", "auditor")),
            new Navigation("/cases", "nav.cases", Set.of("caseworker", "operations", "auditor")),
            new Navigation("/satisfaction", "nav.satisfaction", Set.of("operations", "auditor")),
            new Navigation("/refunds", "nav.refunds", Set.of("finance", "auditor")),
            new Navigation("/refunds/costs", "nav.refund-costs", Set.of("finance", "auditor", "operations")),
            new Navigation("/operations", "nav.operations", Set.of("operations", "admin")),
            new Navigation("/audit", "nav.audit", Set.of("auditor")));

    /**
     * The section a page belongs to: the one whose path is the longest prefix of the page's path ({@code /refunds/costs}
     * is "cost of missed promises", not "refunds"), or null.
     */
    public static String activePath(List<Navigation> sections, String pagePath) {
        String active = null;
        for (Navigation section : sections) {
            boolean under = pagePath.equals(section.path()) || pagePath.startsWith(section.path() + "/");
            if (under && (active == null || section.path().length() > active.length())) {
                active = section.path();
            }
        }
        return active;
    }

    /** The sections {@code person} may open, in order. */
    public static List<Navigation> of(Authentication person) {
        if (person == null) {
            return List.of();
        }
        Set<String> roles = new java.util.HashSet<>();
        for (GrantedAuthority authority : person.getAuthorities()) {
            if (authority.getAuthority().startsWith("ROLE_")) {
                roles.add(authority.getAuthority().substring("ROLE_".length()));
            }
        }
        return SECTIONS.stream().filter(section -> section.roles().stream().anyMatch(roles::contains)).toList();
    }
}
