package dev.tributary.broker.test;

import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real single-node Kafka broker whose client listener is {@code SASL_SSL} with the {@code PLAIN}
 * mechanism: a self-signed certificate made for the occasion with the JDK's {@code keytool}
 * (SAN {@code localhost} and {@code 127.0.0.1}), and one client user, {@value #USER}, with a fresh
 * random password. The controller listener stays plaintext (it is internal to the node).
 *
 * <p>Start one per test class that needs it: the shared broker ({@link SharedKafka}) stays
 * plaintext. Everything lives in a temporary directory deleted by {@link #close()}.
 */
public final class SecuredKafkaBroker implements AutoCloseable {

    /** The client user. */
    public static final String USER = "tributary";
    private static final String LISTENER = "EXTERNAL";
    private static final String JAAS_PROPERTY = "java.security.auth.login.config";
    /** The settings a single node needs, as in {@code EmbeddedKafkaBroker}. */
    private static final Map<String, String> SINGLE_NODE = Map.of(
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "4",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "share.coordinator.state.topic.replication.factor", "1",
            "share.coordinator.state.topic.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0",
            "auto.create.topics.enable", "false");

    private final KafkaClusterTestKit cluster;
    private final Path dir;
    private final String password;
    private final Path truststore;
    private final String truststorePassword;

    private SecuredKafkaBroker(KafkaClusterTestKit cluster, Path dir, String password, Path truststore,
                               String truststorePassword) {
        this.cluster = cluster;
        this.dir = dir;
        this.password = password;
        this.truststore = truststore;
        this.truststorePassword = truststorePassword;
    }

    /**
     * Makes a key pair and a truststore, then starts the broker.
     *
     * @return the running broker
     * @throws Exception if keytool or the broker fails
     */
    public static SecuredKafkaBroker start() throws Exception {
        Path dir = Files.createTempDirectory("tributary-secured-kafka-");
        String keystorePassword = secret();
        String truststorePassword = secret();
        Path keystore = dir.resolve("broker.p12");
        Path certificate = dir.resolve("broker.crt");
        Path truststore = dir.resolve("truststore.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", keystorePassword);
        keytool("-exportcert", "-alias", "broker", "-rfc", "-file", certificate.toString(),
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", keystorePassword);
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(),
                "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", truststorePassword);

        String password = secret();
        String prefix = "listener.name." + LISTENER.toLowerCase(java.util.Locale.ROOT) + ".";
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(dir.resolve("logs"))
                .setBrokerListenerName(new ListenerName(LISTENER))
                .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .build())
                .setDeleteOnClose(false);
        SINGLE_NODE.forEach(builder::setConfigProp);
        // The test kit accepts only PLAINTEXT and SASL_PLAINTEXT; it sets the protocol map only
        // where none is given, so this one makes its SASL listener SASL_SSL. It also installs an
        // ACL authorizer that denies everyone else for SASL: not under test here, so none.
        builder.setConfigProp("listener.security.protocol.map", LISTENER + ":SASL_SSL,CONTROLLER:PLAINTEXT")
                .setConfigProp("authorizer.class.name", "")
                .setConfigProp("sasl.enabled.mechanisms", "PLAIN")
                .setConfigProp("sasl.mechanism.inter.broker.protocol", "PLAIN")
                .setConfigProp(prefix + "plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule "
                        + "required username=\"admin\" password=\"" + keystorePassword + "\" user_admin=\""
                        + keystorePassword + "\" user_" + USER + "=\"" + password + "\";")
                .setConfigProp(prefix + "ssl.keystore.location", keystore.toString())
                .setConfigProp(prefix + "ssl.keystore.password", keystorePassword)
                .setConfigProp(prefix + "ssl.keystore.type", "PKCS12")
                .setConfigProp(prefix + "ssl.key.password", keystorePassword)
                .setConfigProp(prefix + "ssl.truststore.location", truststore.toString())
                .setConfigProp(prefix + "ssl.truststore.password", truststorePassword)
                .setConfigProp(prefix + "ssl.truststore.type", "PKCS12");
        // The test kit points the JVM-wide JAAS property at a file of its own for SASL listeners;
        // the listener's own JAAS setting above is what the broker uses, so the JVM's is put back.
        String jaas = System.getProperty(JAAS_PROPERTY);
        KafkaClusterTestKit cluster = null;
        try {
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            if (cluster != null) {
                cluster.close();
            }
            delete(dir);
            throw e;
        } finally {
            if (jaas == null) {
                System.clearProperty(JAAS_PROPERTY);
            } else {
                System.setProperty(JAAS_PROPERTY, jaas);
            }
        }
        return new SecuredKafkaBroker(cluster, dir, password, truststore, truststorePassword);
    }

    /** @return {@code localhost:port} of the SASL_SSL listener */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** @return the client user's password */
    public String password() {
        return password;
    }

    /**
     * @param clientPassword the password to present (the right one, or a wrong one)
     * @return every client property a client needs, bootstrap servers included, in a stable order
     */
    public Map<String, String> clientProperties(String clientPassword) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("security.protocol", "SASL_SSL");
        p.put("sasl.mechanism", "PLAIN");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + USER + "\" password=\"" + clientPassword + "\";");
        p.put("ssl.truststore.location", truststore.toString());
        p.put("ssl.truststore.password", truststorePassword);
        p.put("ssl.truststore.type", "PKCS12");
        return p;
    }

    /** Stops the broker and deletes its keys and logs. */
    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("the secured broker did not close cleanly", e);
        } finally {
            delete(dir);
        }
    }

    private static String secret() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "s3cret-" + HexFormat.of().formatHex(bytes);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the OS cleans up what is left
        }
    }
}
