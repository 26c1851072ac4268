package org.pledge.console.it;

import org.pledge.console.services.Service;
import org.pledge.console.services.ServiceApis;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only: a page that calls case-service's {@code /cases} as the signed-in person, for the relay's own tests. */
@RestController
class RelayProbe {

    private final ServiceApis apis;

    RelayProbe(ServiceApis apis) {
        this.apis = apis;
    }

    @GetMapping("/it/relay")
    String relay() {
        return apis.client(Service.CASE).get().uri("/cases").retrieve().body(String.class);
    }
}
