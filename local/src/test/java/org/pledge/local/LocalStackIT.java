package org.pledge.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jwt.SignedJWT;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledge.contracts.Topics;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole infrastructure part of the stack, on free ports, started twice on the same data folder. */
class LocalStackIT {

    final HttpClient http = HttpClient.newHttpClient();

    static LocalOptions.Ports freePorts() {
        return new LocalOptions.Ports(TestPorts.next(), TestPorts.next(), TestPorts.next(), TestPorts.next(),
                TestPorts.next(), TestPorts.next(), TestPorts.next());
    }

    static LocalOptions options(Path root, Path data, LocalOptions.Ports ports, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--data=" + data;
        System.arraycopy(args, 0, all, 1, args.length);
        return LocalOptions.parse(all, name -> null, root, null).withPorts(ports);
    }

    String token(LocalOptions.Ports ports) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports.issuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("operations:operations-secret".getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Http.JSON.readTree(response.body()).get("access_token").asText();
    }

    @Test
    void infrastructure_startsKeepsItsDataAcrossRestarts_andRefusesASecondStart(@TempDir Path root) throws Exception {
        Path data = root.resolve("data");
        LocalOptions.Ports ports = freePorts();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        String kid;

        try (LocalStack stack = new LocalStack(options(root, data, ports, "--infra-only"), new PrintStream(console, true))) {
            stack.start();
            System.out.printf("infrastructure started in %d ms%n", stack.infraStartup().toMillis());

            Properties properties = new Properties();
            properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + ports.kafka());
            try (Admin admin = Admin.create(properties)) {
                Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                assertThat(topics).contains(Topics.CASE, Topics.deadLetter(Topics.CASE), Topics.GUARANTEE);
            }
            try (MongoClient client = MongoClients.create("mongodb://localhost:" + ports.mongo())) {
                client.getDatabase("pledge-case").getCollection("probe").insertOne(new Document("_id", "kept").append("v", 1));
            }
            kid = SignedJWT.parse(token(ports)).getHeader().getKeyID();
            for (int port : List.of(ports.mail(), ports.sms(), ports.payments())) {
                assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            }

            // a second launcher on the same data folder is refused with a clear message
            LocalStack second = new LocalStack(options(root, data, freePorts(), "--infra-only"), new PrintStream(new ByteArrayOutputStream()));
            assertThatThrownBy(second::start).isInstanceOf(LocalStack.StartFailure.class)
                    .hasMessageContaining("already running");
            // and another data folder on the same ports is told which ports are busy
            LocalStack third = new LocalStack(options(root, root.resolve("other"), ports, "--infra-only"), new PrintStream(new ByteArrayOutputStream()));
            assertThatThrownBy(third::start).isInstanceOf(LocalStack.StartFailure.class)
                    .hasMessageContaining("already in use").hasMessageContaining(String.valueOf(ports.kafka()));
        }
        System.out.print(console);
        assertThat(console.toString()).contains("infrastructure ready", "oauth2/token", "Bearer $TOKEN", "stopped");
        assertThat(Files.exists(data.resolve("kafka").resolve("meta.properties"))).isTrue();
        assertThat(Files.exists(data.resolve("mongo").resolve("pledge.mv.db"))).isTrue();
        // everything is closed: the ports are free again
        assertThat(ports.named().values()).allMatch(Http::portFree);

        try (LocalStack again = new LocalStack(options(root, data, ports, "--infra-only"), new PrintStream(new ByteArrayOutputStream()))) {
            again.start();
            try (MongoClient client = MongoClients.create("mongodb://localhost:" + ports.mongo())) {
                Document kept = client.getDatabase("pledge-case").getCollection("probe").find(new Document("_id", "kept")).first();
                assertThat(kept).isNotNull();
                assertThat(kept.getInteger("v")).isEqualTo(1);
            }
            assertThat(SignedJWT.parse(token(ports)).getHeader().getKeyID()).isEqualTo(kid);
        }
    }

    @Test
    void missingServiceJars_areReported_beforeAnythingStarts(@TempDir Path root) {
        LocalOptions.Ports ports = freePorts();
        LocalStack stack = new LocalStack(options(root, root.resolve("data"), ports, "--services=case-service,guarantee-service"),
                new PrintStream(new ByteArrayOutputStream()));

        assertThatThrownBy(stack::start).isInstanceOf(LocalStack.StartFailure.class)
                .hasMessageContaining("case-service-exec.jar")
                .hasMessageContaining("guarantee-service-exec.jar")
                .hasMessageContaining("Build them first");
        assertThat(Http.portFree(ports.kafka())).isTrue();
        assertThat(root.resolve("data").resolve("kafka")).doesNotExist();
    }
}
