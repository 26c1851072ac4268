package org.pledge.fixtureframework.alpha.api;

import org.springframework.stereotype.Component;

@Component
public class SpringInApi {
}
