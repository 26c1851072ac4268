package org.pledge.cases.catalogue.query;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.pledge.cases.catalogue.api.CalendarVersions;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.catalogue.api.ServiceCatalogue;
import org.pledge.cases.catalogue.api.ServiceType;
import org.pledge.cases.sla.BusinessCalendar;
import org.pledge.cases.sla.BusinessCalendars;
import org.pledge.cases.sla.ServiceStandard;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * The catalogue as the {@code catalogue} projection keeps it: {@code service_types} (one document per code, the newest
 * revision) and {@code business_calendars} (one document per published version, {@code _id = <id>:<version>}).
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
public class MongoCatalogue implements ServiceCatalogue, BusinessCalendars, CalendarVersions {

    static final String SERVICE_TYPES = "service_types";
    static final String CALENDARS = "business_calendars";

    private final MongoCollection<Document> serviceTypes;
    private final MongoCollection<Document> calendars;
    private final Map<String, BusinessCalendar> versions = new ConcurrentHashMap<>();
    private final long cacheTtlNanos;
    private final Map<String, Kept<StoredServiceType>> keptServiceTypes = new ConcurrentHashMap<>();
    private final Map<String, Kept<BusinessCalendar>> keptCurrentCalendars = new ConcurrentHashMap<>();

    /** A copy read at {@code readAt} ({@link System#nanoTime()}). */
    private record Kept<T>(T value, long readAt) {
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
        this.serviceTypes = databases.getMongoDatabase().getCollection(SERVICE_TYPES);
        this.calendars = databases.getMongoDatabase().getCollection(CALENDARS);
        // real MongoDB needs it for "newest version of a calendar"; mongo-java-server keeps only its uniqueness
        calendars.createIndex(Indexes.compoundIndex(Indexes.ascending("calendarId"), Indexes.descending("version")),
                new IndexOptions().unique(true));
    }

    /** A service type with the revision the projection stored. */
    public record StoredServiceType(ServiceType serviceType, int revision, Instant definedAt) {
    }

    /** A published calendar version. */
    public record StoredCalendar(BusinessCalendar calendar, List<LocalDate> addedHolidays, List<LocalDate> removedHolidays, Instant publishedAt) {
    }

    MongoCollection<Document> serviceTypes() {
        return serviceTypes;
    }

    MongoCollection<Document> calendars() {
        return calendars;
    }

    /** The service type, from a copy at most {@code cache-ttl} old. */
    @Override
    public Optional<ServiceType> find(String serviceTypeCode) {
        Kept<StoredServiceType> kept = keptServiceTypes.get(serviceTypeCode);
        if (kept != null && fresh(kept)) {
            return Optional.of(kept.value().serviceType());
        }
        return stored(serviceTypeCode).map(StoredServiceType::serviceType);
    }

    /** The service type as stored now (read from Mongo), with its revision. */
    public Optional<StoredServiceType> stored(String serviceTypeCode) {
        Optional<StoredServiceType> stored = Optional.ofNullable(serviceTypes.find(Filters.eq("_id", serviceTypeCode)).first())
                .map(MongoCatalogue::serviceType);
        stored.ifPresent(s -> keep(keptServiceTypes, serviceTypeCode, s, StoredServiceType::revision));
        return stored;
    }

    private boolean fresh(Kept<?> kept) {
        return System.nanoTime() - kept.readAt() < cacheTtlNanos;
    }

    /** Keeps {@code value} unless a copy of a newer revision is kept (a slower reader must not put an older one back). */
    private <T> void keep(Map<String, Kept<T>> kept, String key, T value, ToIntFunction<T> revision) {
        if (cacheTtlNanos > 0) {
            Kept<T> read = new Kept<>(value, System.nanoTime());
            kept.merge(key, read, (old, now) -> revision.applyAsInt(now.value()) >= revision.applyAsInt(old.value()) ? now : old);
        }
    }

    /** Every service type, by code. */
    public List<StoredServiceType> all() {
        List<StoredServiceType> all = new ArrayList<>();
        serviceTypes.find().sort(Sorts.ascending("_id")).forEach(d -> all.add(serviceType(d)));
        return all;
    }

    /** The calendar's newest published version, from a copy at most {@code cache-ttl} old. */
    @Override
    public Optional<BusinessCalendar> current(String calendarId) {
        Kept<BusinessCalendar> kept = keptCurrentCalendars.get(calendarId);
        if (kept != null && fresh(kept)) {
            return Optional.of(kept.value());
        }
        Optional<BusinessCalendar> current = Optional.ofNullable(
                        calendars.find(Filters.eq("calendarId", calendarId)).sort(Sorts.descending("version")).limit(1).first())
                .map(d -> versions.computeIfAbsent(d.getString("_id"), id -> calendar(d).calendar()));
        current.ifPresent(c -> keep(keptCurrentCalendars, calendarId, c, BusinessCalendar::version));
        return current;
    }

    @Override
    public Optional<BusinessCalendar> version(String calendarId, int version) {
        String id = calendarId + ":" + version;
        BusinessCalendar cached = versions.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        return Optional.ofNullable(calendars.find(Filters.eq("_id", id)).first())
                .map(d -> versions.computeIfAbsent(id, k -> calendar(d).calendar()));
    }

    /** The newest published version of every calendar, by calendar id (one query over all calendars' versions). */
    public Map<String, Integer> newestVersions() {
        Map<String, Integer> newest = new TreeMap<>();
        calendars.aggregate(List.of(Aggregates.group("$calendarId", Accumulators.max("version", "$version"))))
                .forEach(d -> newest.put(d.getString("_id"), d.getInteger("version")));
        return newest;
    }

    /** Every published version of a calendar, oldest first. */
    public List<StoredCalendar> versions(String calendarId) {
        List<StoredCalendar> all = new ArrayList<>();
        calendars.find(Filters.eq("calendarId", calendarId)).sort(Sorts.ascending("version")).forEach(d -> all.add(calendar(d)));
        return all;
    }

    /** Waits (bounded) until the projection stored this revision of the service type; false on time-out. */
    public boolean awaitServiceType(String code, int revision, Duration timeout) {
        return await(() -> stored(code).map(s -> s.revision() >= revision).orElse(false), timeout);
    }

    /** Waits (bounded) until the projection stored this version of the calendar; false on time-out. */
    public boolean awaitCalendar(String calendarId, int version, Duration timeout) {
        boolean stored = await(() -> version(calendarId, version).isPresent(), timeout);
        keptCurrentCalendars.remove(calendarId); // the next submission reads the newest version
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

    private static StoredServiceType serviceType(Document d) {
        Document fee = d.get("fee", Document.class);
        Map<String, String> names = new LinkedHashMap<>();
        d.get("names", Document.class).forEach((tag, name) -> names.put(tag, (String) name));
        String legal = d.getString("legalTimeLimit");
        ServiceType type = new ServiceType(d.getString("_id"), names, Money.of(fee.getString("amount"), fee.getString("currency")),
                ServiceStandard.parse(d.getString("standard")), legal == null ? null : ServiceStandard.parse(legal),
                new BigDecimal(d.getString("atRiskShare")), d.getBoolean("guaranteed", false), d.getString("calendarId"),
                d.getDate("availableFrom").toInstant());
        return new StoredServiceType(type, d.getInteger("revision", 0), d.getDate("definedAt").toInstant());
    }

    private static StoredCalendar calendar(Document d) {
        Set<DayOfWeek> weekend = d.getList("weekendDays", String.class).stream().map(DayOfWeek::valueOf).collect(Collectors.toSet());
        BusinessCalendar calendar = BusinessCalendar.of(d.getString("calendarId"), d.getInteger("version"), ZoneId.of(d.getString("zone")),
                weekend, dates(d, "holidays").stream().collect(Collectors.toCollection(TreeSet::new)));
        return new StoredCalendar(calendar, dates(d, "addedHolidays"), dates(d, "removedHolidays"), d.getDate("publishedAt").toInstant());
    }

    private static List<LocalDate> dates(Document d, String field) {
        List<String> values = d.getList(field, String.class);
        return values == null ? List.of() : values.stream().map(LocalDate::parse).toList();
    }
}
