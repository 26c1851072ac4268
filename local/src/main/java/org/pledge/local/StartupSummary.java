package org.pledge.local;

import java.util.List;

import org.pledge.local.issuer.LocalClients;

/** What the launcher prints once the stack is up: every address, the clients, and how to get a token and stop. */
final class StartupSummary {

    private StartupSummary() {
    }

    /** The summary for {@code options}; services named in {@code unhealthy} are marked so. */
    static String of(LocalOptions options, List<String> unhealthy) {
        LocalOptions.Ports p = options.ports();
        StringBuilder s = new StringBuilder();
        s.append("\n==================== Pledge local stack is up ====================\n");
        s.append(String.format("  Kafka               localhost:%d%n", p.kafka()));
        s.append(String.format("  MongoDB-wire        mongodb://localhost:%d%n", p.mongo()));
        s.append(String.format("  OIDC issuer         http://localhost:%d  (JWKS http://localhost:%d/oauth2/jwks)%n", p.issuer(), p.issuer()));
        s.append(String.format("  SMTP                localhost:%d   mail reader  http://localhost:%d/mail%n", p.smtp(), p.mail()));
        s.append(String.format("  SMS sandbox         http://localhost:%d/v1/messages%n", p.sms()));
        s.append(String.format("  payment sandbox     http://localhost:%d/v1/payments%n", p.payments()));
        for (ServiceSpec service : options.services()) {
            s.append(String.format("  %-20s http://localhost:%d %s%n", service.name(), service.port(),
                    unhealthy.contains(service.name()) ? "(NOT HEALTHY)" : ""));
        }
        if (options.services().isEmpty()) {
            s.append("  services            not started (--infra-only)\n");
        }
        s.append("  data                ").append(options.data()).append('\n');
        s.append("  clients             ").append(String.join(", ", LocalClients.ROLES.keySet()))
                .append(" (secret <client>-secret unless PLEDGE_SECRET_<CLIENT> is set)\n");
        s.append("\nGet a token:\n");
        s.append(String.format("  TOKEN=$(curl -s -u caseworker:caseworker-secret -d grant_type=client_credentials"
                + " http://localhost:%d/oauth2/token | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')%n", p.issuer()));
        int port = options.services().isEmpty() ? 8081 : options.services().get(0).port();
        s.append("Call a service with it:\n");
        s.append(String.format("  curl -s -H \"Authorization: Bearer $TOKEN\" http://localhost:%d/actuator/health%n", port));
        s.append("Read the mail:  curl -s http://localhost:").append(p.mail()).append("/mail\n");
        String data = options.data().equals(options.root().resolve(".pledge")) ? "" : " --data=" + options.data();
        s.append("From another terminal:  ./pledge-local status").append(data)
                .append("   ./pledge-local restart <service>").append(data)
                .append("   ./pledge-local stop").append(data).append('\n');
        s.append("Stop: Ctrl-C (or ./pledge-local stop)\n");
        s.append("==================================================================\n");
        return s.toString();
    }
}
