package dev.tributary.kafka;

import dev.tributary.common.TributaryException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks a cluster for its brokers before anything else talks to it, so that a wrong address fails
 * in seconds with one line that names it, instead of a minute later in whichever client first
 * times out (Kafka's admin and producer wait 60 s by default, then report a node assignment or
 * metadata timeout that names neither the address nor what to check).
 */
public final class ClusterProbe {

    private ClusterProbe() {
    }

    /**
     * @param connection the cluster
     * @param timeout    how long to wait for an answer
     * @return how many brokers answered
     * @throws TributaryException naming the address and what to check, if none answered in time or
     *                            the cluster refused the client
     */
    public static int await(KafkaConnection connection, Duration timeout) {
        Map<String, Object> config = connection.adminConfig();
        int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(ms)).nodes()
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS).size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while connecting to " + connection.bootstrapServers(), e);
        } catch (TimeoutException | ExecutionException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException || cause instanceof TimeoutException) {
                throw new TributaryException("no Kafka broker answered at " + connection.bootstrapServers() + " within "
                        + timeout.toSeconds() + " s: check the address and port, that the brokers are up and advertise "
                        + "listeners reachable from here, and the security settings (--kafka-config); "
                        + "--connect-timeout waits longer for a slow cluster", e);
            }
            throw new TributaryException("the Kafka cluster at " + connection.bootstrapServers() + " refused the client: "
                    + cause.getMessage(), e);
        }
    }
}
