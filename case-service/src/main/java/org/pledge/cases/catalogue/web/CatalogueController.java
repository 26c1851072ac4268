package org.pledge.cases.catalogue.web;

import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pledge.cases.catalogue.api.DefineServiceTypeCommand;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.catalogue.api.PublishBusinessCalendarCommand;
import org.pledge.cases.catalogue.query.MongoCatalogue;
import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service catalogue and business calendars: read by any authenticated caller, changed by {@code admin}.
 * A PUT answers once the change is stored and (bounded wait) visible in the catalogue, so a case submitted right
 * after it counts under the new terms. The same body twice records nothing the second time.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Catalogue", description = "Service types and business calendars")
class CatalogueController {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

    private final CommandGateway commands;
    private final MongoCatalogue catalogue;
    private final Clock clock;

    CatalogueController(CommandGateway commands, MongoCatalogue catalogue, Clock clock) {
        this.commands = commands;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @GetMapping("/service-types")
    @Operation(operationId = "listServiceTypes", summary = "List every service type, by code")
    List<CatalogueViews.ServiceTypeView> serviceTypes() {
        return catalogue.all().stream().map(CatalogueViews.ServiceTypeView::of).toList();
    }

    @GetMapping("/service-types/{code}")
    @Operation(operationId = "getServiceType", summary = "Read a service type")
    @ApiResponse(responseCode = "200", description = "The service type")
    @ApiResponse(responseCode = "404", description = "`catalogue.not-found`: no such service type")
    CatalogueViews.ServiceTypeView serviceType(@PathVariable @Pattern(regexp = CatalogueRequests.CODE_PATTERN) String code) {
        return catalogue.stored(code).map(CatalogueViews.ServiceTypeView::of).orElseThrow(() -> new NotFound("service type", code));
    }

    @PutMapping("/service-types/{code}")
    @Operation(operationId = "defineServiceType", summary = "Create or change a service type",
            description = "Answers once the change is visible in the catalogue; the same body again records nothing.")
    @ApiResponse(responseCode = "200", description = "Changed (or unchanged): the service type")
    @ApiResponse(responseCode = "201", description = "Created: the service type",
            headers = @Header(name = "Location", description = "/api/service-types/{code}", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "422", description = "A catalogue rule refused it, e.g. "
            + "`catalogue.service-type.legal-limit-shorter-than-standard`")
    ResponseEntity<CatalogueViews.ServiceTypeView> defineServiceType(@PathVariable @Pattern(regexp = CatalogueRequests.CODE_PATTERN) String code,
                                                                     @Valid @RequestBody CatalogueRequests.ServiceType body) {
        boolean existed = catalogue.stored(code).isPresent();
        Money fee = Money.of(body.fee().amount(), body.fee().currency());
        int revision = commands.sendAndWait(new DefineServiceTypeCommand(code, body.names(), fee, body.standard(), body.legalTimeLimit(),
                body.atRiskShare(), body.guaranteed(), body.calendarId(), body.availableFrom(), false, clock.instant()));
        catalogue.awaitServiceType(code, revision, VISIBLE_WITHIN);
        CatalogueViews.ServiceTypeView view = serviceType(code);
        return !existed && revision == 1
                ? ResponseEntity.created(URI.create("/api/service-types/" + code)).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/calendars/{id}")
    @Operation(operationId = "getCalendar", summary = "Read a business calendar with every published version")
    @ApiResponse(responseCode = "200", description = "The calendar")
    @ApiResponse(responseCode = "404", description = "`catalogue.not-found`: no such business calendar")
    CatalogueViews.CalendarView calendar(@PathVariable @Pattern(regexp = CatalogueRequests.CALENDAR_ID_PATTERN) String id) {
        List<CatalogueViews.CalendarVersionView> versions = catalogue.versions(id).stream().map(CatalogueViews.CalendarVersionView::of).toList();
        if (versions.isEmpty()) {
            throw new NotFound("business calendar", id);
        }
        return new CatalogueViews.CalendarView(id, versions.get(versions.size() - 1).version(), versions);
    }

    @PutMapping("/calendars/{id}")
    @Operation(operationId = "publishCalendar", summary = "Publish a business calendar",
            description = "A new version when the zone, weekend days or holidays change (open cases are then recalculated); "
                    + "the same body again publishes nothing.")
    @ApiResponse(responseCode = "200", description = "Nothing changed: the calendar")
    @ApiResponse(responseCode = "201", description = "A new version was published: the calendar",
            headers = @Header(name = "Location", description = "/api/calendars/{id}", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "422", description = "A catalogue rule refused it, e.g. `catalogue.calendar.zone-invalid`")
    ResponseEntity<CatalogueViews.CalendarView> publishCalendar(@PathVariable @Pattern(regexp = CatalogueRequests.CALENDAR_ID_PATTERN) String id,
                                                                @Valid @RequestBody CatalogueRequests.Calendar body) {
        int before = catalogue.current(id).map(c -> c.version()).orElse(0);
        int version = commands.sendAndWait(new PublishBusinessCalendarCommand(id, body.zone(),
                body.weekendDays() == null ? EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY) : body.weekendDays(), body.holidays(), false,
                clock.instant()));
        catalogue.awaitCalendar(id, version, VISIBLE_WITHIN);
        CatalogueViews.CalendarView view = calendar(id);
        return version > before
                ? ResponseEntity.created(URI.create("/api/calendars/" + id)).body(view)
                : ResponseEntity.ok(view);
    }

    static class NotFound extends PledgeException {
        NotFound(String what, String id) {
            super("catalogue.not-found", HttpStatus.NOT_FOUND, "no " + what + " " + id);
        }
    }
}
