package org.pledge.testsupport;

import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.pledge.embedded.EmbeddedKafka;
import org.pledge.embedded.EmbeddedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The one way for any test to get Kafka and MongoDB, started once per JVM and stopped when it exits.
 *
 * <p>With a Docker engine it runs both in Testcontainers (a real MongoDB replica set and a real
 * Kafka). Without one it starts a real Kafka broker (KRaft) in this JVM and mongo-java-server in
 * memory. Which one is chosen by {@code -Dpledge.test.infrastructure} (or the environment variable
 * {@code PLEDGE_TEST_INFRASTRUCTURE}): {@code auto} (default), {@code docker} or {@code embedded}.
 * Asking for {@code docker} where no engine runs fails loudly: a test never passes because its
 * infrastructure is missing.
 */
public final class PledgeInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(PledgeInfrastructure.class);
    public static final String MODE_PROPERTY = "pledge.test.infrastructure";
    static final String KAFKA_IMAGE = "apache/kafka:3.9.1";
    static final String MONGO_IMAGE = "mongo:7.0";

    /** How the infrastructure is provided. */
    public enum Mode {
        DOCKER, EMBEDDED;

        /**
         * Decides the mode from the setting ({@code auto}, {@code docker}, {@code embedded}; null or
         * blank means auto) and whether a Docker engine answers.
         */
        public static Mode resolve(String setting, BooleanSupplier dockerAvailable) {
            String value = setting == null || setting.isBlank() ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "embedded" -> EMBEDDED;
                case "docker" -> {
                    if (!dockerAvailable.getAsBoolean()) {
                        throw new IllegalStateException(MODE_PROPERTY + "=docker, but no Docker engine answers");
                    }
                    yield DOCKER;
                }
                case "auto" -> dockerAvailable.getAsBoolean() ? DOCKER : EMBEDDED;
                default -> throw new IllegalArgumentException(
                        "unknown " + MODE_PROPERTY + " '" + setting + "': use auto, docker or embedded");
            };
        }
    }

    private static volatile PledgeInfrastructure instance;

    private final Mode mode;
    private final String kafkaBootstrapServers;
    private final String mongoConnectionString;

    private PledgeInfrastructure(Mode mode, String kafkaBootstrapServers, String mongoConnectionString) {
        this.mode = mode;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoConnectionString = mongoConnectionString;
    }

    /** The JVM's infrastructure, started on first use. */
    public static PledgeInfrastructure get() {
        PledgeInfrastructure current = instance;
        if (current == null) {
            synchronized (PledgeInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current = start(Mode.resolve(setting(), PledgeInfrastructure::dockerAvailable));
                    instance = current;
                }
            }
        }
        return current;
    }

    static String setting() {
        String property = System.getProperty(MODE_PROPERTY);
        return property != null ? property : System.getenv("PLEDGE_TEST_INFRASTRUCTURE");
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static PledgeInfrastructure start(Mode mode) {
        long started = System.nanoTime();
        PledgeInfrastructure infrastructure;
        if (mode == Mode.DOCKER) {
            KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
            MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
            kafka.start();
            mongo.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.stop();
                mongo.stop();
            }, "pledge-infra-stop"));
            String mongoUri = mongo.getConnectionString();
            infrastructure = new PledgeInfrastructure(mode, kafka.getBootstrapServers(), mongoUri);
        } else {
            EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
            EmbeddedMongo mongo = EmbeddedMongo.memory(0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                mongo.close();
                kafka.close();
            }, "pledge-infra-stop"));
            infrastructure = new PledgeInfrastructure(mode, kafka.bootstrapServers(), mongo.connectionString());
        }
        log.info("Test infrastructure ({}) up in {} ms: kafka={} mongo={}", mode,
                (System.nanoTime() - started) / 1_000_000, infrastructure.kafkaBootstrapServers,
                infrastructure.mongoConnectionString);
        return infrastructure;
    }

    public Mode mode() {
        return mode;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** {@code mongodb://host:port} without a database. */
    public String mongoConnectionString() {
        return mongoConnectionString;
    }

    /** A connection string that selects {@code database}. */
    public String mongoUri(String database) {
        Objects.requireNonNull(database, "database");
        String base = mongoConnectionString;
        int query = base.indexOf('?');
        String params = query >= 0 ? base.substring(query) : "";
        String hosts = query >= 0 ? base.substring(0, query) : base;
        int slash = hosts.indexOf('/', "mongodb://".length());
        if (slash >= 0) {
            hosts = hosts.substring(0, slash);
        }
        return hosts + "/" + database + params;
    }
}
