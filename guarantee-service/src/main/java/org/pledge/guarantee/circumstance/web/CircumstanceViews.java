package org.pledge.guarantee.circumstance.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pledge.guarantee.circumstance.query.CircumstanceChange;
import org.pledge.guarantee.circumstance.query.CircumstanceDocument;

/** What the exceptional circumstances endpoints answer. */
final class CircumstanceViews {

    private CircumstanceViews() {
    }

    @Schema(name = "ExceptionalCircumstance")
    record CircumstanceView(String id, List<String> serviceTypes, LocalDate from, LocalDate to, String label, String adjustment,
                            int businessDays, String declaredBy, Instant declaredAt,
                            @Schema(description = "How many claims it changed so far") long claimsChanged,
                            @Schema(description = "The claims it changed, by case id: the first page (see `changesPage`)")
                            List<ChangeView> changes,
                            @Schema(description = "The page of `changes` (0-based) and its size") int changesPage, int changesSize) {

        static CircumstanceView of(CircumstanceDocument d, long claimsChanged, List<CircumstanceChange> changes, int page, int size) {
            return new CircumstanceView(d.circumstanceId(), d.serviceTypes(), d.from(), d.to(), d.label(), d.adjustment(), d.businessDays(),
                    d.declaredBy(), d.declaredAt(), claimsChanged, changes.stream().map(ChangeView::of).toList(), page, size);
        }
    }

    /**
     * A claim the circumstance changed.
     *
     * @param previousAmount the claim's amount before, null when the claim was not decided yet (the adjustment applies when it is)
     * @param newAmount      its amount after, null likewise
     * @param closed         the claim closed because of it (excluded)
     */
    @Schema(name = "CircumstanceChange")
    record ChangeView(String claimId, String caseId, String adjustment, int businessDays,
                      @Schema(description = "Before; null when the claim was not decided yet (the adjustment applies when it is)") String previousAmount,
                      @Schema(description = "After; null when the claim was not decided yet") String newAmount,
                      String currency, @Schema(description = "The claim closed because of it (excluded)") boolean closed, Instant at) {

        static ChangeView of(CircumstanceChange c) {
            return new ChangeView(c.claimId(), c.caseId(), c.adjustment(), c.businessDays(), c.previousAmount(), c.newAmount(), c.currency(),
                    c.closed(), c.at());
        }
    }

    @Schema(name = "ExceptionalCircumstancePage")
    record CircumstancePage(List<CircumstanceView> items, int page, int size, long total) {
    }
}
