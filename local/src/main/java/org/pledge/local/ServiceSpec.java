package org.pledge.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One of the four services, or the console (started after them), as the local stack starts it. */
public record ServiceSpec(String name, int port, String database) {

    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("case-service", 8081, "pledge-case"),
            new ServiceSpec("feedback-service", 8082, "pledge-feedback"),
            new ServiceSpec("notification-service", 8083, "pledge-notification"),
            new ServiceSpec("guarantee-service", 8084, "pledge-guarantee"),
            new ServiceSpec(ServiceSpec.CONSOLE, 8080, null));

    /** The console: no database of its own; it signs people in at the issuer and calls the four services. */
    public static final String CONSOLE = "console";

    public static final String DEFAULT_JVM_OPTIONS = "-Xmx384m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, newPort, database);
    }

    /** {@code <root>/<service>/target/<service>-exec.jar} */
    public Path jar(Path root) {
        return root.resolve(name).resolve("target").resolve(name + "-exec.jar");
    }

    public String healthUrl() {
        return "http://localhost:" + port + "/actuator/health";
    }

    /** The Spring Boot arguments pointing the service at the local infrastructure and its data folder {@code data}. */
    public List<String> arguments(LocalOptions.Ports ports, LocalOptions.Secrets secrets, long parentPid, Path data) {
        if (name.equals(CONSOLE)) {
            return consoleArguments(ports, parentPid);
        }
        String kafka = "localhost:" + ports.kafka();
        String issuer = "http://localhost:" + ports.issuer();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.data.mongodb.uri=mongodb://localhost:" + ports.mongo() + "/" + database,
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--pledge.security.issuer-uri=" + issuer,
                "--pledge.security.jwk-set-uri=" + issuer + "/oauth2/jwks",
                "--pledge.security.audiences=pledge",
                // personal data under a development master key kept in the service's database (a WARN line says so)
                "--pledge.privacy.dev-key=true",
                // the audit chain signs with a development key kept in the service's database (docs/audit.md)
                "--pledge.audit.dev-key=true",
                "--pledge.local.parent-pid=" + parentPid,
                "--spring.mail.host=localhost",
                "--spring.mail.port=" + ports.smtp()));
        if (name.equals("notification-service")) {
            args.add("--pledge.sms.base-url=http://localhost:" + ports.sms());
            args.add("--pledge.sms.callback-secret=" + secrets.sms());
            // where the sandbox sends the SMS delivery receipts: this service's own port, offset included
            args.add("--pledge.sms.callback-url=http://localhost:" + port + "/api/callbacks/sms");
            // the letters' print outbox: PDFs with names and addresses, in the data folder (deleted with it)
            args.add("--pledge.letters.outbox-dir=" + data.resolve("letters"));
            // the local SMTP server takes any rate: the limit is the relay's, not the 14/s of a public one
            args.add("--pledge.email.rate-limit=100");
        }
        if (name.equals("feedback-service")) {
            // the survey links sent to clients open this service's own page: its own port, offset included
            args.add("--pledge.surveys.link-base-url=http://localhost:" + port + "/surveys/");
            // links signed with the local key (key id "local"; PLEDGE_SURVEYS_TOKEN_SECRET replaces it)
            args.add("--pledge.surveys.token-keys[0].id=local");
            args.add("--pledge.surveys.token-keys[0].secret=" + secrets.surveyLinks());
        }
        if (name.equals("guarantee-service")) {
            args.add("--pledge.payments.base-url=http://localhost:" + ports.payments());
            args.add("--pledge.payments.callback-secret=" + secrets.payments());
            // where the sandbox sends the refunds' callbacks: this service's own port, offset included
            args.add("--pledge.payments.callback-url=http://localhost:" + port + "/callbacks/payments");
        }
        return args;
    }

    /**
     * The console's: the issuer it signs people in at, and the four services at their ports, the port offset included
     * (the offset is the issuer's distance from its default port; the console's secret comes from
     * {@code PLEDGE_SECRET_CONSOLE} in the environment it inherits, as the issuer's does).
     */
    private List<String> consoleArguments(LocalOptions.Ports ports, long parentPid) {
        int offset = ports.issuer() - LocalOptions.Ports.DEFAULT.issuer();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.security.oauth2.client.provider.pledge.issuer-uri=http://localhost:" + ports.issuer(),
                "--pledge.local.parent-pid=" + parentPid));
        for (ServiceSpec service : ALL) {
            if (!service.name().equals(CONSOLE)) {
                args.add("--pledge.console.services." + service.name() + "=http://localhost:" + (service.port() + offset));
            }
        }
        return args;
    }

    /** The console's base URI with the stack's port offset (what the issuer accepts as its redirect URIs' base). */
    public static String consoleUri(LocalOptions.Ports ports) {
        int offset = ports.issuer() - LocalOptions.Ports.DEFAULT.issuer();
        return "http://localhost:" + (8080 + offset);
    }

    /** The whole command line: {@code java <jvm options> -jar <jar> <arguments>}. */
    public List<String> command(Path java, String jvmOptions, Path jar, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        for (String option : jvmOptions.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-Dpledge.local.service=" + name);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        return command;
    }
}
