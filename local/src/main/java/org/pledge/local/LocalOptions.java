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
 */
public record LocalOptions(Path root, Path data, List<ServiceSpec> services, Duration serviceTimeout, boolean keepGoing,
                           Ports ports, Secrets secrets, String jvmOptions, boolean help) {

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
    }

    public record Secrets(String sms, String payments) {
    }

    public static final String USAGE = """
            Usage: ./pledge-local [options]
              --data=DIR            data folder (default: $PLEDGE_DATA or <repo>/.pledge)
              --infra-only          start the infrastructure only, no services (run them from your IDE)
              --no-services         same as --infra-only
              --services=a,b        start only these services (case-service, feedback-service,
                                    notification-service, guarantee-service)
              --service-timeout=S   seconds to wait for each service to be healthy (default 120)
              --keep-going          keep the stack running when a service does not become healthy
              --root=DIR            repository root (default: $PLEDGE_HOME, else found from the jar or cwd)
              --help                this text
            Environment: PLEDGE_DATA, PLEDGE_HOME, PLEDGE_SECRET_<CLIENT> (e.g. PLEDGE_SECRET_FINANCE_1),
              PLEDGE_SMS_CALLBACK_SECRET, PLEDGE_PAYMENTS_CALLBACK_SECRET, PLEDGE_SERVICE_JAVA_OPTS,
              PLEDGE_SERVICE_TIMEOUT
            """;

    public static LocalOptions parse(String[] args, Function<String, String> env, Path cwd, Path jarLocation) {
        String root = env.apply("PLEDGE_HOME");
        String data = env.apply("PLEDGE_DATA");
        boolean infraOnly = false;
        boolean keepGoing = false;
        boolean help = false;
        String services = null;
        String timeout = env.apply("PLEDGE_SERVICE_TIMEOUT");
        for (String arg : args) {
            if (arg.equals("--infra-only") || arg.equals("--no-services")) {
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
            } else {
                throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        Path rootDir = root != null ? Path.of(root) : findRoot(cwd, jarLocation);
        Path dataDir = data != null ? cwd.resolve(data) : rootDir.resolve(".pledge");
        List<ServiceSpec> chosen = infraOnly ? List.of() : choose(services);
        Duration serviceTimeout = Duration.ofSeconds(timeout == null ? 120 : Long.parseLong(timeout.trim()));
        Secrets secrets = new Secrets(
                or(env.apply("PLEDGE_SMS_CALLBACK_SECRET"), "sms-sandbox-secret"),
                or(env.apply("PLEDGE_PAYMENTS_CALLBACK_SECRET"), "payments-sandbox-secret"));
        String jvmOptions = or(env.apply("PLEDGE_SERVICE_JAVA_OPTS"), ServiceSpec.DEFAULT_JVM_OPTIONS);
        return new LocalOptions(rootDir.toAbsolutePath().normalize(), dataDir.toAbsolutePath().normalize(), chosen,
                serviceTimeout, keepGoing, Ports.DEFAULT, secrets, jvmOptions, help);
    }

    public LocalOptions withPorts(Ports newPorts) {
        return new LocalOptions(root, data, services, serviceTimeout, keepGoing, newPorts, secrets, jvmOptions, help);
    }

    public LocalOptions withServices(List<ServiceSpec> newServices) {
        return new LocalOptions(root, data, newServices, serviceTimeout, keepGoing, ports, secrets, jvmOptions, help);
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
