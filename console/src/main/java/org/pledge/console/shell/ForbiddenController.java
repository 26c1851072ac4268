package org.pledge.console.shell;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The console's own 403 page, in the person's language: where Spring Security forwards a person whose role may not
 * open a page, or a form that came without its CSRF token ({@code config.ConsoleSecurity}). Any method: the refused
 * request may have been a POST.
 */
@Controller
public class ForbiddenController {

    @RequestMapping("/forbidden")
    String forbidden(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "shell/forbidden";
    }
}
