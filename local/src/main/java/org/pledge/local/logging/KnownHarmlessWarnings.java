package org.pledge.local.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps warnings that are known to mean nothing off the launcher's console (they stay in {@code local.log}).
 * Each one is listed here with the reason it is harmless; anything else passes.
 */
public final class KnownHarmlessWarnings extends Filter<ILoggingEvent> {

    /**
     * mongo-java-server does not implement non-unique secondary indexes: it logs this each time a service creates
     * one (on every start) and ignores the index; queries on those fields scan instead. The services create them
     * because real MongoDB needs them (/work/shared/MONGO-JAVA-SERVER.md, ADR 0002), so the cause stays.
     */
    static final String MONGO_LOGGER = "de.bwaldvogel.mongo.backend.AbstractMongoDatabase";
    static final String MONGO_SECONDARY_INDEX = "adding secondary index with keys ";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (MONGO_LOGGER.equals(event.getLoggerName()) && event.getMessage() != null
                && event.getMessage().startsWith(MONGO_SECONDARY_INDEX)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
