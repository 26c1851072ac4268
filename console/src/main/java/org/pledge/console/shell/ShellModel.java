package org.pledge.console.shell;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the sections the person may open and the name to greet them by. */
@ControllerAdvice
public class ShellModel {

    @ModelAttribute("sections")
    List<Navigation> sections(Authentication person) {
        return Navigation.of(person);
    }

    /** The page's own path, for the language switch ({@code ?lang=}) to come back to. */
    @ModelAttribute("currentPath")
    String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** The path of the section the page belongs to, marked active in the header ({@link Navigation#activePath}). */
    @ModelAttribute("activeSection")
    String activeSection(Authentication person, jakarta.servlet.http.HttpServletRequest request) {
        return Navigation.activePath(Navigation.of(person), request.getRequestURI());
    }

    @ModelAttribute("personName")
    String personName(Authentication person) {
        if (person != null && person.getPrincipal() instanceof OidcUser user) {
            return user.getFullName() != null ? user.getFullName() : user.getSubject();
        }
        return null;
    }
}
