package org.pledge.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the launcher was asked to do: from the command line and the environment.
 *
 * @param root           the repository root (where the service jars are built)
 * @param data           the data folder ({@code .pledge/} under the root by default)
 * @param services       which services to start (empty with --infra-only)
 * @param serviceTimeout how long to wait for each service to be healthy
 * @param keepGoing      keep the rest running when a service does not come up
 * @param ports          the ports of the infrastructure
 * @param secrets        callback secrets of the sandboxes
 * @param jvmOptions     JVM options of each service
 * @param help           print usage and exit
 * @param command        empty to start the stack, else a command for a running launcher ({@code status},
 *                       {@code restart <service>}, {@code stop})
 */
public record LocalOptions(Path root, Path data, List<ServiceSpec> services, Duration serviceTimeout, boolean keepGoing,
                           Ports ports, Secrets secrets, String jvmOptions, boolean help, List<String> command) {

    public record Ports(int kafka, int mongo, int issuer, int smtp, int mail, int sms, int payments) {
        public static final Ports DEFAULT = new Ports(9092, 27017, 9000, 2525, 9100, 9101, 9102);

        public Map<String, Integer> named() {
            Map<String, Integer> named = new LinkedHashMap<>();
            named.put("Kafka", kafka);
            named.put("MongoDB-wire", mongo);
            named.put("OIDC issuer", issuer);
            named.put("SMTP", smtp);
            named.put("mail reader (HTTP)", mail);
            named.put("SMS sandbox", sms);
            named.put("payment sandbox", payments);
            return named;
        }

        /** Every port plus {@code offset}. */
        public Ports plus(int offset) {
            return new Ports(kafka + offset, mongo + offset, issuer + offset, smtp + offset, mail + offset,
                    sms + offset, payments + offset);
        }
    }

    /**
     * @param surveyLinks the key feedback-service signs survey links with (key id {@code local}; at least 32 bytes)
     */
    public record Secrets(String sms, String payments, String surveyLinks) {

        /** The sandboxes' secrets, survey links under the local default key. */
        public Secrets(String sms, String payments) {
            this(sms, payments, DEFAULT_SURVEY_LINK_KEY);
        }
    }

    /** The local stack's survey link key: not a secret (it is written here), long enough for HMAC-SHA256. */
    public static final String DEFAULT_SURVEY_LINK_KEY = "pledge-local-survey-link-key-not-a-secret";

    public static final String USAGE = """
            Usage: ./pledge-local [options]            start the stack (Ctrl-C stops it)
                   ./pledge-local status [--data=DIR]  each service's state, pid, health, restarts, uptime
                   ./pledge-local restart SERVICE [--data=DIR]   stop and start one service, wait until healthy
                   ./pledge-local stop [--data=DIR]    stop the running stack (as Ctrl-C would), wait until stopped
            Options:
              --data=DIR            data folder (default: $PLEDGE_DATA or <repo>/.pledge)
              --infra-only          start the infrastructure only, no services (run them from your IDE)
              --no-services         same as --infra-only
              --services=a,b        start only these services (case-service, feedback-service,
                                    notification-service, guarantee-service, console)
              --service-timeout=S   seconds to wait for each service to be healthy (default 120)
              --keep-going          keep the stack running when a service does not become healthy
              --port-offset=N       add N to every port (e.g. 10000: Kafka on 19092, case-service on 18081),
                                    to run a second stack beside another one
              --root=DIR            repository root (default: $PLEDGE_HOME, else found from the jar or cwd)
              --help                this text
            Environment: PLEDGE_DATA, PLEDGE_HOME, PLEDGE_SECRET_<CLIENT> (e.g. PLEDGE_SECRET_FINANCE_1,
              PLEDGE_SECRET_CONSOLE), PLEDGE_PASSWORD_<USER> (e.g. PLEDGE_PASSWORD_FINANCE_1),
              PLEDGE_SMS_CALLBACK_SECRET, PLEDGE_PAYMENTS_CALLBACK_SECRET, PLEDGE_SURVEYS_TOKEN_SECRET,
              PLEDGE_SERVICE_JAVA_OPTS,
              PLEDGE_SERVICE_TIMEOUT, PLEDGE_PORT_OFFSET
            Exit codes of status/restart/stop: 0 done (status: all healthy), 1 failed or not healthy,
              2 usage error, 3 no launcher running with this data folder
            """;

    public static LocalOptions parse(String[] args, Function<String, String> env, Path cwd, Path jarLocation) {
        String root = env.apply("PLEDGE_HOME");
        String data = env.apply("PLEDGE_DATA");
        boolean infraOnly = false;
        boolean keepGoing = false;
        boolean help = false;
        String services = null;
        String timeout = env.apply("PLEDGE_SERVICE_TIMEOUT");
        String offset = env.apply("PLEDGE_PORT_OFFSET");
        List<String> command = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                command.add(arg);
            } else if (arg.equals("--infra-only") || arg.equals("--no-services")) {
                infraOnly = true;
            } else if (arg.equals("--keep-going")) {
                keepGoing = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.startsWith("--data=")) {
                data = arg.substring("--data=".length());
            } else if (arg.startsWith("--root=")) {
                root = arg.substring("--root=".length());
            } else if (arg.startsWith("--services=")) {
                services = arg.substring("--services=".length());
            } else if (arg.startsWith("--service-timeout=")) {
                timeout = arg.substring("--service-timeout=".length());
            } else if (arg.startsWith("--port-offset=")) {
                offset = arg.substring("--port-offset=".length());
            } else {
                throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        checkCommand(command);
        int portOffset = portOffset(offset);
        Path rootDir = root != null ? Path.of(root) : findRoot(cwd, jarLocation);
        Path dataDir = data != null ? cwd.resolve(data) : rootDir.resolve(".pledge");
        List<ServiceSpec> chosen = (infraOnly ? List.<ServiceSpec>of() : choose(services)).stream()
                .map(service -> service.withPort(service.port() + portOffset)).toList();
        Duration serviceTimeout = Duration.ofSeconds(timeout == null ? 120 : Long.parseLong(timeout.trim()));
        Secrets secrets = new Secrets(
                or(env.apply("PLEDGE_SMS_CALLBACK_SECRET"), "sms-sandbox-secret"),
                or(env.apply("PLEDGE_PAYMENTS_CALLBACK_SECRET"), "payments-sandbox-secret"),
                or(env.apply("PLEDGE_SURVEYS_TOKEN_SECRET"), DEFAULT_SURVEY_LINK_KEY));
        String jvmOptions = or(env.apply("PLEDGE_SERVICE_JAVA_OPTS"), ServiceSpec.DEFAULT_JVM_OPTIONS);
        return new LocalOptions(rootDir.toAbsolutePath().normalize(), dataDir.toAbsolutePath().normalize(), chosen,
                serviceTimeout, keepGoing, Ports.DEFAULT.plus(portOffset), secrets, jvmOptions, help, List.copyOf(command));
    }

    public LocalOptions withPorts(Ports newPorts) {
        return new LocalOptions(root, data, services, serviceTimeout, keepGoing, newPorts, secrets, jvmOptions, help, command);
    }

    public LocalOptions withServices(List<ServiceSpec> newServices) {
        return new LocalOptions(root, data, newServices, serviceTimeout, keepGoing, ports, secrets, jvmOptions, help, command);
    }

    private static void checkCommand(List<String> command) {
        if (command.isEmpty()) {
            return;
        }
        String verb = command.get(0);
        boolean valid = switch (verb) {
            case "status", "stop" -> command.size() == 1;
            case "restart" -> command.size() == 2;
            default -> false;
        };
        if (verb.equals("restart") && command.size() == 1) {
            throw new IllegalArgumentException("restart needs the name of a service, e.g. ./pledge-local restart case-service");
        }
        if (!valid) {
            throw new IllegalArgumentException("unknown command " + String.join(" ", command) + "\n" + USAGE);
        }
    }

    private static int portOffset(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        int offset;
        try {
            offset = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port-offset must be a number, not " + value);
        }
        int highest = Ports.DEFAULT.named().values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        if (offset < 0 || highest + offset > 65535) {
            throw new IllegalArgumentException("--port-offset must be between 0 and " + (65535 - highest));
        }
        return offset;
    }

    private static List<ServiceSpec> choose(String names) {
        if (names == null || names.isBlank()) {
            return ServiceSpec.ALL;
        }
        Set<String> wanted = new LinkedHashSet<>(List.of(names.split(",")));
        List<ServiceSpec> chosen = new ArrayList<>();
        for (String name : wanted) {
            ServiceSpec spec = ServiceSpec.ALL.stream().filter(s -> s.name().equals(name.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown service " + name + "; known: "
                            + ServiceSpec.ALL.stream().map(ServiceSpec::name).toList()));
            chosen.add(spec);
        }
        return chosen;
    }

    /** The repository root: where the launcher jar was built (…/local/target/x.jar), else cwd or a parent of it. */
    static Path findRoot(Path cwd, Path jarLocation) {
        if (jarLocation != null) {
            Path target = jarLocation.toAbsolutePath().getParent();
            if (target != null && target.getFileName() != null && target.getFileName().toString().equals("target")) {
                Path module = target.getParent();
                if (module != null && module.getParent() != null && isRoot(module.getParent())) {
                    return module.getParent();
                }
            }
        }
        for (Path dir = cwd.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        return cwd.toAbsolutePath();
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("local"));
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
