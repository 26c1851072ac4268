package org.pledge.fixturecontroller.alpha.web;

import org.pledge.fixturecontroller.alpha.command.AlphaAggregate;
import org.springframework.stereotype.Controller;

@Controller
public class LoadsAnAggregate {

    public void close(AlphaAggregate aggregate) {
        aggregate.close();
    }
}
