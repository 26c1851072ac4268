package org.pledge.console.shell;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the sections the person may open ({@link ShellModel}), and the page shown after signing out. */
@Controller
public class HomeController {

    @GetMapping("/")
    String home() {
        return "shell/home";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "shell/signed-out";
    }
}
