package org.pledge.cases.catalogue.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;

import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.catalogue.api.ServiceType;
import org.pledge.cases.catalogue.api.ServiceTypeDefinedEvent;
import org.pledge.cases.sla.ServiceStandard;
import org.pledge.platform.readmodel.RecordFields;

/**
 * A {@code service_types} document exactly as stored, the newest revision of one service type (read and written by the
 * driver's record codec, with {@link MongoCatalogue#CODECS}): {@code _id} = the code, names by language tag in their
 * order, the fee and at-risk share as plain decimal strings ({@code "120.00"}), standards in their string form,
 * instants as BSON dates.
 */
public record ServiceTypeDocument(@BsonId String code, Integer revision, LinkedHashMap<String, String> names, Fee fee,
                                  String standard, String legalTimeLimit, BigDecimal atRiskShare, Boolean guaranteed,
                                  String calendarId, Instant availableFrom, Instant definedAt) {

    private static final RecordFields FIELDS = RecordFields.of(ServiceTypeDocument.class);
    static final String CODE = FIELDS.name("code");
    static final String REVISION = FIELDS.name("revision");

    /** The fee as stored: the amount's plain string (scale kept) and the ISO 4217 currency. */
    public record Fee(BigDecimal amount, String currency) {
    }

    static ServiceTypeDocument of(ServiceTypeDefinedEvent e) {
        return new ServiceTypeDocument(e.code(), e.revision(), new LinkedHashMap<>(e.names()),
                new Fee(e.fee().amount(), e.fee().currency()), e.standard(), e.legalTimeLimit(), e.atRiskShare(), e.guaranteed(),
                e.calendarId(), e.availableFrom(), e.definedAt());
    }

    MongoCatalogue.StoredServiceType stored() {
        ServiceType type = new ServiceType(code, names, Money.of(fee.amount(), fee.currency()), ServiceStandard.parse(standard),
                legalTimeLimit == null ? null : ServiceStandard.parse(legalTimeLimit), atRiskShare, Boolean.TRUE.equals(guaranteed),
                calendarId, availableFrom);
        return new MongoCatalogue.StoredServiceType(type, revision == null ? 0 : revision, definedAt);
    }
}
