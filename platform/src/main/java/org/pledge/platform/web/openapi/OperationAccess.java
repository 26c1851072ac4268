package org.pledge.platform.web.openapi;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Who may call an operation, asked of the service's own security filter chain (the rules the platform and the
 * service's {@code PledgeHttpSecurityCustomizer} beans declare) rather than written down a second time: for a
 * request to the operation's path (each path variable a sample value), is an anonymous caller admitted, and which of
 * the known roles are.
 */
final class OperationAccess {

    /** What a path variable becomes in the request that is asked about. */
    static final String SAMPLE_PATH_VALUE = "sample";

    /** Who may call one operation. */
    record Access(boolean anonymous, List<String> roles, boolean everyRole) {

        boolean secured() {
            return !anonymous;
        }

        /** Secured and refused to some roles: a 403 is possible. */
        boolean restricted() {
            return !anonymous && !everyRole;
        }
    }

    private final Supplier<WebInvocationPrivilegeEvaluator> evaluator;
    private final List<String> knownRoles;

    /** @param evaluator the service's security filter chains asked as one (null from the supplier: no security) */
    OperationAccess(Supplier<WebInvocationPrivilegeEvaluator> evaluator, List<String> knownRoles) {
        this.evaluator = evaluator;
        this.knownRoles = List.copyOf(knownRoles);
    }

    /**
     * @throws IllegalStateException when the chain admits none of the known roles to a secured operation: either a
     *                               role is missing from {@code pledge.openapi.roles} or nobody can call it
     */
    Access of(String method, String pathTemplate) {
        WebInvocationPrivilegeEvaluator chains = evaluator.get();
        if (chains == null) {
            return new Access(true, List.of(), true);
        }
        String uri = pathTemplate.replaceAll("\\{[^}/]+}", SAMPLE_PATH_VALUE);
        String httpMethod = method.toUpperCase(Locale.ROOT);
        if (chains.isAllowed("", uri, httpMethod, new AnonymousAuthenticationToken("openapi", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))) {
            return new Access(true, List.of(), true);
        }
        List<String> admitted = knownRoles.stream()
                .filter(role -> chains.isAllowed("", uri, httpMethod, caller(role))).toList();
        if (admitted.isEmpty()) {
            throw new IllegalStateException(httpMethod + " " + pathTemplate + " admits none of the roles " + knownRoles
                    + " (pledge.openapi.roles): add the role it needs there, or give the operation a rule that admits one");
        }
        boolean everyRole = admitted.size() == knownRoles.size() && chains.isAllowed("", uri, httpMethod, caller(null));
        return new Access(false, admitted, everyRole);
    }

    /** An authenticated caller with one role, or none. */
    private static Authentication caller(String role) {
        return UsernamePasswordAuthenticationToken.authenticated("openapi", null,
                role == null ? List.of() : AuthorityUtils.createAuthorityList("ROLE_" + role));
    }
}
