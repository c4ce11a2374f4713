package dev.tributary.kafka;

import dev.tributary.common.config.ConfigException;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaConnectionTest {

    @Test
    void overridesBeatTheCommandLineWhichBeatsTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "bootstrap.servers=file:9092\nsecurity.protocol=SASL_SSL\nacks=1\nlinger.ms=5\n");
        KafkaConnection c = KafkaConnection.load("cli:9092", file, Map.of("linger.ms", "20"));
        assertEquals("cli:9092", c.bootstrapServers());
        Map<String, Object> producer = c.producerConfig();
        assertEquals("SASL_SSL", producer.get("security.protocol"));
        assertEquals("1", producer.get(ProducerConfig.ACKS_CONFIG), "the user's acks wins over the default");
        assertEquals("20", producer.get(ProducerConfig.LINGER_MS_CONFIG));
        assertEquals("file:9092", KafkaConnection.load(null, file, Map.of()).bootstrapServers());
        assertTrue(KafkaConnection.isConfigured(null, file, Map.of()));
        assertFalse(KafkaConnection.isConfigured(null, null, Map.of("linger.ms", "1")));
    }

    @Test
    void harnessDefaultsApplyWhereTheUserSetNothing() {
        KafkaConnection c = KafkaConnection.to("h:1");
        assertEquals("all", c.producerConfig().get(ProducerConfig.ACKS_CONFIG));
        assertEquals(true, c.producerConfig().get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals(120_000, c.producerConfig().get(ProducerConfig.MAX_BLOCK_MS_CONFIG),
                "a send waits out an outage as long as a sent record does (Kafka's own default: 60 s)");
        assertEquals(120_000, c.producerConfig().get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
        assertEquals("5000", KafkaConnection.to("h:1").withDefaults(Map.of("max.block.ms", "5000")).producerConfig()
                .get(ProducerConfig.MAX_BLOCK_MS_CONFIG), "-X or a scenario's properties win");
        assertEquals(false, c.consumerConfig("g").get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
        assertEquals("g", c.consumerConfig("g").get(ConsumerConfig.GROUP_ID_CONFIG));
        assertFalse(c.consumerConfig(null).containsKey(ConsumerConfig.GROUP_ID_CONFIG));
    }

    @Test
    void secretsAreMaskedWheneverShown() {
        String password = "s3cr3t-Pa55";
        KafkaConnection c = new KafkaConnection("h:1", Map.of(
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"" + password + "\";",
                "ssl.truststore.password", password,
                "ssl.key.password", password,
                "security.protocol", "SASL_SSL"));
        assertFalse(c.describe().toString().contains(password));
        assertFalse(c.toString().contains(password));
        assertEquals(KafkaConnection.MASK, c.describe().get("ssl.truststore.password"));
        assertEquals("SASL_SSL", c.describe().get("security.protocol"));
        assertEquals(password, c.producerConfig().get("ssl.key.password"), "clients still get the real value");
    }

    @Test
    void everySettingKafkaItselfTreatsAsAPasswordIsMasked() {
        List<ConfigDef> definitions = List.of(ProducerConfig.configDef(), ConsumerConfig.configDef(),
                AdminClientConfig.configDef());
        List<String> passwords = definitions.stream().flatMap(d -> d.configKeys().values().stream())
                .filter(k -> k.type == ConfigDef.Type.PASSWORD).map(k -> k.name).distinct().sorted().toList();
        assertTrue(passwords.contains("sasl.jaas.config") && passwords.size() > 5, "found: " + passwords);
        for (String key : passwords) {
            assertTrue(KafkaConnection.isSecret(key), key + " is a password to Kafka, but would be shown");
            assertTrue(KafkaConnection.isSecret("listener.name.x." + key), "listener-prefixed " + key);
        }
        assertFalse(KafkaConnection.isSecret("ssl.truststore.location"));
        assertFalse(KafkaConnection.isSecret("sasl.mechanism"));
        // And no ordinary setting is hidden: a masked bootstrap address or serializer would help nobody.
        definitions.stream().flatMap(d -> d.configKeys().values().stream()).filter(k -> k.type != ConfigDef.Type.PASSWORD)
                .forEach(k -> assertFalse(KafkaConnection.isSecret(k.name), k.name + " is not a secret"));
        assertEquals(new java.util.TreeSet<>(passwords), new java.util.TreeSet<>(dev.tributary.common.config.Secrets.KAFKA_PASSWORDS),
                "Secrets lists exactly the settings this Kafka version types as passwords");
    }

    @Test
    void secretsBeyondKafkasOwnAreMaskedToo() {
        KafkaConnection c = KafkaConnection.load("localhost:9092", null, Map.of(
                "basic.auth.user.info", "alice:s3cret", "custom.api_key", "k-123", "my-service-key", "k-456",
                "schema.registry.url", "https://alice:s3cret@registry:8081/path", "plain.url", "https://registry:8081"));
        Map<String, String> shown = c.describe();
        assertEquals(KafkaConnection.MASK, shown.get("basic.auth.user.info"));
        assertEquals(KafkaConnection.MASK, shown.get("custom.api_key"));
        assertEquals(KafkaConnection.MASK, shown.get("my-service-key"));
        assertEquals("https://[hidden]@registry:8081/path", shown.get("schema.registry.url"), "the user-info only");
        assertEquals("https://registry:8081", shown.get("plain.url"));
        assertFalse(c.toString().contains("s3cret"), c.toString());
    }

    @Test
    void noBootstrapServersNamesTheOption() {
        ConfigException e = assertThrows(ConfigException.class, () -> KafkaConnection.load(null, null, Map.of()));
        assertEquals("--bootstrap-servers", e.field());
    }
}
