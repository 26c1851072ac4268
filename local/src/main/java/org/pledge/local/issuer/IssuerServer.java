package org.pledge.local.issuer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The local OIDC issuer, run as a child Spring Boot context (Spring Authorization Server on embedded Tomcat)
 * inside the launcher JVM.
 */
public final class IssuerServer implements AutoCloseable {

    public static final String AUDIENCE = "pledge";

    /** The console's client id at the issuer. */
    public static final String CONSOLE_CLIENT = "console";

    /** The console's address in the local stack when no port offset moves it. */
    public static final String DEFAULT_CONSOLE = "http://localhost:8080";

    /**
     * @param port          HTTP port
     * @param issuer        the {@code iss} of the tokens, e.g. {@code http://localhost:9000}
     * @param keyDir        where the signing key is kept
     * @param secrets       client id → secret (the client-credentials clients and {@value #CONSOLE_CLIENT})
     * @param audience      the {@code aud} of the tokens
     * @param tokenTtl      lifetime of access tokens
     * @param passwords     user → password of the people who sign in to the console ({@link LocalPeople})
     * @param consoleUris   the console's base URIs (e.g. {@code http://localhost:8080}): its sign-in redirect URI is
     *                      {@code <uri>/login/oauth2/code/pledge}, its post-logout one {@code <uri>/signed-out}
     */
    public record Settings(int port, String issuer, Path keyDir, Map<String, String> secrets, String audience,
                           Duration tokenTtl, Map<String, String> passwords, List<String> consoleUris) {

        public static Settings of(int port, Path keyDir, Function<String, String> env) {
            return of(port, keyDir, env, List.of(DEFAULT_CONSOLE));
        }

        /** With the console at {@code consoleUris} (the local stack's port offset moves it). */
        public static Settings of(int port, Path keyDir, Function<String, String> env, List<String> consoleUris) {
            Map<String, String> secrets = new LinkedHashMap<>(LocalClients.secrets(env));
            String console = env.apply(LocalClients.secretVariable(CONSOLE_CLIENT));
            secrets.put(CONSOLE_CLIENT, console == null || console.isBlank() ? LocalClients.defaultSecret(CONSOLE_CLIENT) : console);
            return new Settings(port, "http://localhost:" + port, keyDir, secrets, AUDIENCE, Duration.ofHours(1),
                    LocalPeople.passwords(env), List.copyOf(consoleUris));
        }
    }

    private final ConfigurableApplicationContext context;
    private final Settings settings;

    private IssuerServer(ConfigurableApplicationContext context, Settings settings) {
        this.context = context;
        this.settings = settings;
    }

    public static IssuerServer start(Settings settings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", settings.port());
        // its own configuration only: an application.yml elsewhere on the class path (a service's or the console's jar
        // in the system tests' JVM) must not move its port or change its sessions
        properties.put("spring.config.name", "pledge-local-issuer");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.log-startup-info", "false");
        properties.put("spring.application.name", "pledge-local-issuer");
        properties.put("server.tomcat.threads.max", "20");
        properties.put("server.tomcat.threads.min-spare", "2");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(IssuerConfiguration.class)
                .web(WebApplicationType.SERVLET)
                .registerShutdownHook(false)
                .properties(properties)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("issuerSettings", settings))
                .run("--server.port=" + settings.port());
        return new IssuerServer(context, settings);
    }

    public int port() {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    public String issuer() {
        return settings.issuer();
    }

    public String tokenUri() {
        return settings.issuer() + "/oauth2/token";
    }

    public String authorizationUri() {
        return settings.issuer() + "/oauth2/authorize";
    }

    public String endSessionUri() {
        return settings.issuer() + "/connect/logout";
    }

    public String jwkSetUri() {
        return settings.issuer() + "/oauth2/jwks";
    }

    @Override
    public void close() {
        context.close();
    }
}
