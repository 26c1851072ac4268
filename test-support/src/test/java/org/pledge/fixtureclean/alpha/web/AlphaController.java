package org.pledge.fixtureclean.alpha.web;

import org.pledge.fixtureclean.alpha.query.AlphaViews;
import org.springframework.stereotype.Controller;

/** Runs queries (and would send commands through a gateway). */
@Controller
public class AlphaController {

    private final AlphaViews views;

    public AlphaController(AlphaViews views) {
        this.views = views;
    }

    public AlphaViews views() {
        return views;
    }
}
