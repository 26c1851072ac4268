package org.pledge.cases.catalogue.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.codecs.Codec;
import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.cases.catalogue.api.ServiceCatalogue;
import org.pledge.cases.catalogue.api.ServiceType;
import org.pledge.cases.sla.BusinessCalendar;
import org.pledge.cases.sla.BusinessCalendars;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * The catalogue as the {@code catalogue} projection keeps it: {@code service_types} (one {@link ServiceTypeDocument} per
 * code, the newest revision) and {@code business_calendars} (one {@link CalendarDocument} per published version).
 *
 * <p>Published calendar versions never change, so they are cached in memory once read. The service types and each
 * calendar's newest version, which every submission needs, are kept for {@code pledge.catalogue.cache-ttl} (default
 * 1 s; 0 reads Mongo every time) after they were read: another instance sees a change up to that much after the
 * projection stored it. This instance sees it at once after an admin's change returned, because that change waits for
 * the projection through {@link #awaitServiceType}/{@link #awaitCalendar}, which read Mongo and refresh what is kept.
 * (A case submitted on a calendar version just replaced is moved to the new one by the recalculation sweep.) The
 * interval is measured with {@link System#nanoTime()}: how old a copy is, not a business date.
 *
 * <p>The projection never deletes (see {@code CatalogueProjection}): while it is rebuilt, this catalogue keeps
 * answering from the documents already stored.
 */
@Component
public class MongoCatalogue implements ServiceCatalogue, BusinessCalendars {

    static final String SERVICE_TYPES = "service_types";
    static final String CALENDARS = "business_calendars";
    /** The catalogue's stored shape: amounts and dates as strings (see the documents). */
    static final Codec<?>[] CODECS = {ReadModelCodecs.bigDecimalAsString(), ReadModelCodecs.localDateAsString()};

    private final MongoCollection<ServiceTypeDocument> serviceTypes;
    private final MongoCollection<CalendarDocument> calendars;
    private final Map<String, BusinessCalendar> versions = new ConcurrentHashMap<>();
    private final long cacheTtlNanos;
    private final Map<String, CachedCopy<StoredServiceType>> cachedServiceTypes = new ConcurrentHashMap<>();
    private final Map<String, CachedCopy<BusinessCalendar>> cachedCurrentCalendars = new ConcurrentHashMap<>();

    /** A copy of what Mongo held, read at {@code readAt} ({@link System#nanoTime()}): fresh for {@code cache-ttl}. */
    private record CachedCopy<T>(T value, long readAt) {
    }

    /** The newest version of one calendar, as the {@link #newestVersions} aggregation returns it. */
    public record NewestVersion(@BsonId String calendarId, Integer version) {
    }

    /** Reads Mongo on every call (nothing kept but published calendar versions). */
    public MongoCatalogue(MongoDatabaseFactory databases) {
        this(databases, Duration.ZERO);
    }

    @Autowired
    public MongoCatalogue(MongoDatabaseFactory databases, @Value("${pledge.catalogue.cache-ttl:1s}") Duration cacheTtl) {
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("pledge.catalogue.cache-ttl must not be negative, was " + cacheTtl);
        }
        this.cacheTtlNanos = cacheTtl.toNanos();
        this.serviceTypes = ReadModelCodecs.collection(databases.getMongoDatabase(), SERVICE_TYPES, ServiceTypeDocument.class, CODECS);
        this.calendars = ReadModelCodecs.collection(databases.getMongoDatabase(), CALENDARS, CalendarDocument.class, CODECS);
        // real MongoDB needs it for "newest version of a calendar"; mongo-java-server keeps only its uniqueness
        calendars.createIndex(Indexes.compoundIndex(Indexes.ascending(CalendarDocument.CALENDAR_ID),
                Indexes.descending(CalendarDocument.VERSION)), new IndexOptions().unique(true));
    }

    /** A service type with the revision the projection stored. */
    public record StoredServiceType(ServiceType serviceType, int revision, Instant definedAt) {
    }

    /** A published calendar version. */
    public record StoredCalendar(BusinessCalendar calendar, List<LocalDate> addedHolidays, List<LocalDate> removedHolidays, Instant publishedAt) {
    }

    MongoCollection<ServiceTypeDocument> serviceTypes() {
        return serviceTypes;
    }

    MongoCollection<CalendarDocument> calendars() {
        return calendars;
    }

    /** The service type, from a copy at most {@code cache-ttl} old. */
    @Override
    public Optional<ServiceType> find(String serviceTypeCode) {
        CachedCopy<StoredServiceType> cached = cachedServiceTypes.get(serviceTypeCode);
        if (cached != null && fresh(cached)) {
            return Optional.of(cached.value().serviceType());
        }
        return stored(serviceTypeCode).map(StoredServiceType::serviceType);
    }

    /** The service type as stored now (read from Mongo), with its revision. */
    public Optional<StoredServiceType> stored(String serviceTypeCode) {
        Optional<StoredServiceType> stored = Optional.ofNullable(serviceTypes.find(Filters.eq(ServiceTypeDocument.CODE, serviceTypeCode))
                .first()).map(ServiceTypeDocument::stored);
        stored.ifPresent(s -> cache(cachedServiceTypes, serviceTypeCode, s, StoredServiceType::revision));
        return stored;
    }

    private boolean fresh(CachedCopy<?> cached) {
        return System.nanoTime() - cached.readAt() < cacheTtlNanos;
    }

    /** Caches {@code value} unless a copy of a newer revision is cached (a slower reader must not put an older one back). */
    private <T> void cache(Map<String, CachedCopy<T>> cached, String key, T value, ToIntFunction<T> revision) {
        if (cacheTtlNanos > 0) {
            CachedCopy<T> read = new CachedCopy<>(value, System.nanoTime());
            cached.merge(key, read, (old, now) -> revision.applyAsInt(now.value()) >= revision.applyAsInt(old.value()) ? now : old);
        }
    }

    /** Every service type, by code. */
    public List<StoredServiceType> all() {
        List<StoredServiceType> all = new ArrayList<>();
        serviceTypes.find().sort(Sorts.ascending(ServiceTypeDocument.CODE)).forEach(d -> all.add(d.stored()));
        return all;
    }

    /** The calendar's newest published version, from a copy at most {@code cache-ttl} old. */
    @Override
    public Optional<BusinessCalendar> current(String calendarId) {
        CachedCopy<BusinessCalendar> cached = cachedCurrentCalendars.get(calendarId);
        if (cached != null && fresh(cached)) {
            return Optional.of(cached.value());
        }
        Optional<BusinessCalendar> current = Optional.ofNullable(calendars.find(Filters.eq(CalendarDocument.CALENDAR_ID, calendarId))
                        .sort(Sorts.descending(CalendarDocument.VERSION)).limit(1).first())
                .map(d -> versions.computeIfAbsent(d.id(), id -> d.stored().calendar()));
        current.ifPresent(c -> cache(cachedCurrentCalendars, calendarId, c, BusinessCalendar::version));
        return current;
    }

    @Override
    public Optional<BusinessCalendar> version(String calendarId, int version) {
        String id = CalendarDocument.id(calendarId, version);
        BusinessCalendar cached = versions.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        return Optional.ofNullable(calendars.find(Filters.eq(CalendarDocument.ID, id)).first())
                .map(d -> versions.computeIfAbsent(id, k -> d.stored().calendar()));
    }

    /** The newest published version of every calendar, by calendar id (one query over all calendars' versions). */
    public Map<String, Integer> newestVersions() {
        Map<String, Integer> newest = new TreeMap<>();
        calendars.aggregate(List.of(Aggregates.group("$" + CalendarDocument.CALENDAR_ID,
                        Accumulators.max(CalendarDocument.VERSION, "$" + CalendarDocument.VERSION))), NewestVersion.class)
                .forEach(d -> newest.put(d.calendarId(), d.version()));
        return newest;
    }

    /** Every published version of a calendar, oldest first. */
    public List<StoredCalendar> versions(String calendarId) {
        List<StoredCalendar> all = new ArrayList<>();
        calendars.find(Filters.eq(CalendarDocument.CALENDAR_ID, calendarId)).sort(Sorts.ascending(CalendarDocument.VERSION))
                .forEach(d -> all.add(d.stored()));
        return all;
    }

    /** Waits (bounded) until the projection stored this revision of the service type; false on time-out. */
    public boolean awaitServiceType(String code, int revision, Duration timeout) {
        return await(() -> stored(code).map(s -> s.revision() >= revision).orElse(false), timeout);
    }

    /** Waits (bounded) until the projection stored this version of the calendar; false on time-out. */
    public boolean awaitCalendar(String calendarId, int version, Duration timeout) {
        boolean stored = await(() -> version(calendarId, version).isPresent(), timeout);
        cachedCurrentCalendars.remove(calendarId); // the next submission reads the newest version
        return stored;
    }

    private static boolean await(BooleanSupplier done, Duration timeout) {
        long giveUp = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
