package dev.tributary.serving;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

import java.util.Map;

/**
 * A state store that stores nothing: Kafka Streams calls it just before it commits a task, and it
 * runs the scorer's flush then, so that every event whose offset a commit covers has been scored
 * and its prediction sent first (in the commit's transaction under exactly-once).
 *
 * <p>Streams commits the offset of every event handed to a processor, including the events still
 * waiting in a partial micro-batch. This store is what keeps them from being lost by a stop, a
 * rebalance or a crash after the commit: nothing ever waits across a commit. A store is the one
 * place Streams calls before it flushes its producer and commits: it flushes every store's record
 * cache there ({@link CachedStateStore#flushCache}), the hook its own caches use to forward what
 * they held (a table's cached updates reach its downstream processors the same way). The
 * interface is Streams' internal one, so a Kafka upgrade must keep
 * {@code ScoringTopologyTest.everyEventIsScoredBeforeTheCommitThatCoversIt} and the scorer's crash
 * tests green.
 *
 * <p>It replaced a changelogged buffer of the waiting events, restored and scored by the task's
 * next incarnation: that cost a store write per event, 17 % of the scoring thread's time (JFR,
 * {@code tributary bench --measures scorer}), and up to {@code --max-batch} + 2 changelog records
 * per commit. A commit now costs one extra, partial, micro-batch.
 */
final class CommitBarrier implements StateStore, CachedStateStore<Object, Object> {

    /** The store's name in the scorer's topology. */
    static final String NAME = "scoring-commit-barrier";

    private Runnable beforeCommit = () -> {
    };
    private boolean open;

    /** @param action what to run each time Streams is about to commit the task */
    void beforeCommit(Runnable action) {
        this.beforeCommit = action;
    }

    @Override
    public void flushCache() {
        beforeCommit.run();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        // Nothing to restore: there is no changelog.
        context.register(root, (key, value) -> {
        });
        open = true;
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public void clearCache() {
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** @return a builder of the barrier: no changelog, no cache, whatever a caller asks */
    static StoreBuilder<CommitBarrier> builder() {
        return new StoreBuilder<>() {
            @Override
            public StoreBuilder<CommitBarrier> withCachingEnabled() {
                return this;
            }

            @Override
            public StoreBuilder<CommitBarrier> withCachingDisabled() {
                return this;
            }

            @Override
            public StoreBuilder<CommitBarrier> withLoggingEnabled(Map<String, String> config) {
                throw new UnsupportedOperationException("the commit barrier holds nothing to log");
            }

            @Override
            public StoreBuilder<CommitBarrier> withLoggingDisabled() {
                return this;
            }

            @Override
            public CommitBarrier build() {
                return new CommitBarrier();
            }

            @Override
            public Map<String, String> logConfig() {
                return Map.of();
            }

            @Override
            public boolean loggingEnabled() {
                return false;
            }

            @Override
            public String name() {
                return NAME;
            }
        };
    }
}
