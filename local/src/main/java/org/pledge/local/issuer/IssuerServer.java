package org.pledge.local.issuer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The local OIDC issuer, run as a child Spring Boot context (Spring Authorization Server on embedded Tomcat)
 * inside the launcher JVM.
 */
public final class IssuerServer implements AutoCloseable {

    public static final String AUDIENCE = "pledge";

    /**
     * @param port     HTTP port
     * @param issuer   the {@code iss} of the tokens, e.g. {@code http://localhost:9000}
     * @param keyDir   where the signing key is kept
     * @param secrets  client id → secret
     * @param audience the {@code aud} of the tokens
     * @param tokenTtl lifetime of access tokens
     */
    public record Settings(int port, String issuer, Path keyDir, Map<String, String> secrets, String audience,
                           Duration tokenTtl) {

        public static Settings of(int port, Path keyDir, Function<String, String> env) {
            return new Settings(port, "http://localhost:" + port, keyDir, LocalClients.secrets(env), AUDIENCE,
                    Duration.ofHours(1));
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
                .run();
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

    public String jwkSetUri() {
        return settings.issuer() + "/oauth2/jwks";
    }

    @Override
    public void close() {
        context.close();
    }
}
