package org.pledge.cases.casefile.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.pledge.cases.casefile.query.ServiceLevelReport;
import org.pledge.cases.casefile.query.ServiceLevels;
import org.pledge.cases.catalogue.api.ServiceCatalogue;
import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service levels per service type and channel (operations, auditor), from {@code case_summaries} at the injected
 * clock's instant. Not {@code @Validated} (see {@link CaseController}).
 */
@RestController
@RequestMapping("/api/service-levels")
@Tag(name = "Service levels", description = "Open, at risk, breached, on-time %, median and p90 business days, backlog by age")
class ServiceLevelController {

    private static final String WEEKS = "Each group's onTimeByWeek gives the on-time % of those resolutions by week of resolution "
            + "(weekOf: the Monday; resolution dates in the case's calendar zone), oldest first, every week from the week of "
            + "resolvedSince to this week (the first and last partial; a week without resolutions has onTimePercent null).";

    private final ServiceLevels levels;
    private final ServiceCatalogue catalogue;

    ServiceLevelController(ServiceLevels levels, ServiceCatalogue catalogue) {
        this.levels = levels;
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(operationId = "getServiceLevels", summary = "Service levels of every service type with cases",
            description = "resolvedWithinDays (1..366, default 90): the resolutions counted for on-time %, median and p90. "
                    + WEEKS)
    ServiceLevelReport all(@RequestParam(defaultValue = "90") @Min(1) @Max(366) int resolvedWithinDays) {
        return levels.report(null, null, resolvedWithinDays);
    }

    @GetMapping("/{serviceType}")
    @Operation(operationId = "getServiceLevelsOfServiceType", summary = "Service levels of one service type",
            description = "resolvedWithinDays (1..366, default 90): the resolutions counted for on-time %, median and p90. "
                    + WEEKS)
    @ApiResponse(responseCode = "200", description = "The service type's service levels")
    @ApiResponse(responseCode = "404", description = "`service-level.service-type-unknown`: no such service type")
    ServiceLevelReport one(@PathVariable @Size(max = 64) String serviceType,
                           @RequestParam(defaultValue = "90") @Min(1) @Max(366) int resolvedWithinDays) {
        String calendarId = catalogue.find(serviceType).orElseThrow(() -> new UnknownServiceTypeException(serviceType)).calendarId();
        return levels.report(serviceType, calendarId, resolvedWithinDays);
    }

    static class UnknownServiceTypeException extends PledgeException {
        static final String CODE = "service-level.service-type-unknown";

        UnknownServiceTypeException(String serviceType) {
            super(CODE, HttpStatus.NOT_FOUND, "no service type " + serviceType);
        }
    }
}
