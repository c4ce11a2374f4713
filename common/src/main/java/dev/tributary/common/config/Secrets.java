package dev.tributary.common.config;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule for which settings hold secrets: masked wherever a configuration is shown or
 * recorded, and refused in a scenario (which results.json records whole).
 */
public final class Secrets {

    /** What a secret's value is replaced with wherever a configuration is shown or recorded. */
    public static final String MASK = "[hidden]";

    /**
     * Every setting Kafka's own clients type as a password (PEM keys and certificate chains
     * included): Kafka hides these in its own logs, and so must we, whatever they are called.
     * Written out here so that configuration stays free of Kafka's classes; the Kafka module's
     * {@code KafkaConnectionTest} checks it against the clients' own definitions, so a password
     * setting added by a Kafka upgrade fails the build until it is listed.
     */
    public static final Set<String> KAFKA_PASSWORDS = Set.of("sasl.jaas.config",
            "sasl.oauthbearer.assertion.private.key.passphrase", "sasl.oauthbearer.client.credentials.client.secret",
            "ssl.key.password", "ssl.keystore.certificate.chain", "ssl.keystore.key", "ssl.keystore.password",
            "ssl.truststore.certificates", "ssl.truststore.password");

    /**
     * Keys whose names say they hold a secret, for settings Kafka's clients do not define: any
     * separator before {@code key} ({@code custom.api_key}, {@code my-key}), and the user-info of
     * HTTP basic authentication ({@code basic.auth.user.info}, Schema Registry's).
     */
    private static final Pattern SECRET_KEY = Pattern.compile(
            ".*(password|passphrase|secret|jaas\\.config|token|credential|credentials|[._-]key|apikey|user\\.info)$",
            Pattern.CASE_INSENSITIVE);

    /** A URL's user-info, {@code scheme://user:password@}: the password is a secret whatever the key. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(\\w[\\w+.-]*://)[^/@\\s]+@");

    private Secrets() {
    }

    /**
     * @param key a client property, possibly prefixed ({@code listener.name.x.}, {@code producer.})
     * @return whether its value must never be shown: Kafka types it as a password, or its name
     *         says it is a secret
     */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_KEY.matcher(lower).matches()
                || KAFKA_PASSWORDS.stream().anyMatch(p -> lower.equals(p) || lower.endsWith("." + p));
    }

    /**
     * @param value a setting's value
     * @return whether it carries credentials of its own: a URL with a user-info part
     */
    public static boolean hasCredentials(String value) {
        return value != null && URL_CREDENTIALS.matcher(value).find();
    }

    /**
     * @param key   a setting
     * @param value its value
     * @return the value as it may be shown or recorded: {@link #MASK} for a secret key, a URL's user-info
     *         replaced by it, else the value
     */
    public static String shown(String key, String value) {
        if (isSecret(key)) {
            return MASK;
        }
        return value == null ? null : URL_CREDENTIALS.matcher(value).replaceAll("$1"
                + java.util.regex.Matcher.quoteReplacement(MASK) + "@");
    }
}
