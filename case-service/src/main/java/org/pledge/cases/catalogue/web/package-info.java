/**
 * The catalogue API (JSON over HTTP, RFC 9457 problems).
 *
 * <ul>
 *   <li>{@code GET /api/service-types}, {@code GET /api/service-types/{code}}, {@code GET /api/calendars/{id}} (any
 *       authenticated role): from the {@code catalogue} projection ({@code service_types}, {@code business_calendars}).</li>
 *   <li>{@code PUT /api/service-types/{code}} (admin): creates (201) or changes (200) a service type, one
 *       {@code ServiceTypeDefinedEvent} per change; the same body again records nothing.</li>
 *   <li>{@code PUT /api/calendars/{id}} (admin): publishes a new calendar version (201) when the zone, weekend days or
 *       holidays change, else 200 and nothing recorded; open cases on the calendar are then recalculated
 *       ({@code catalogue.command.CalendarRecalculation}; a case submitted while the version was being published is
 *       caught by {@code CalendarRecalculationSweep}).</li>
 * </ul>
 * Business rejections are 422 with the stable code ({@code catalogue.*}, {@code sla.*}); the PUTs answer once the change
 * is visible in the projection (bounded wait), so the next request sees it.
 */
package org.pledge.cases.catalogue.web;
