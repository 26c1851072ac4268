package org.pledge.platform.axon;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The aggregate cache of Pledge services: a {@link Cache} that remembers, in the current unit of work, that an
 * aggregate was served from it, so that {@link CachedRejectionGuard} can make sure no command's answer rests on a
 * copy that another instance has overtaken. Everything else is the delegate's (by default Axon's
 * {@code WeakReferenceCache}: entries live while memory allows).
 *
 * <p>Why a cache needs the check: several instances share one event store without routing a case's commands to one
 * of them, so a cached case can be behind the store. A command that appends on a stale copy collides with the stored
 * sequence number ({@link org.axonframework.modelling.command.ConcurrencyException}, retried with a fresh load), but a
 * command the stale copy <em>rejects</em>, or answers by changing nothing, would never reach the store.
 */
public final class HitRecordingAggregateCache implements Cache {

    private static final String SERVED_FROM_CACHE = HitRecordingAggregateCache.class.getName() + ".hit";

    private final Cache delegate;

    public HitRecordingAggregateCache(Cache delegate) {
        this.delegate = delegate;
    }

    /**
     * Whether an aggregate was served from a cache of this kind in {@code unitOfWork} — the command's own unit of work,
     * not its root: a command sent from an event handler runs nested in the handler's batch, whose other commands
     * must not count.
     */
    public static boolean servedFromCache(UnitOfWork<?> unitOfWork) {
        return unitOfWork.resources().containsKey(SERVED_FROM_CACHE);
    }

    /**
     * The cached aggregate, except in a nested unit of work (a command sent from an event handler, inside the
     * handler's batch): there a command's events are stored only when the batch commits, and the aggregate's lock is
     * held until then, so a stale copy could neither be caught by the store nor checked by a retry on another thread.
     * Such commands load the aggregate from the store.
     */
    @Override
    public <K, V> V get(K key) {
        if (!CurrentUnitOfWork.isStarted()) {
            return delegate.get(key);
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (unitOfWork.parent().isPresent()) {
            return null;
        }
        V value = delegate.get(key);
        if (value != null) {
            unitOfWork.resources().put(SERVED_FROM_CACHE, Boolean.TRUE);
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return delegate.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }
}
