/**
 * The case API (JSON over HTTP, RFC 9457 problems, OpenAPI at {@code /v3/api-docs}).
 *
 * <ul>
 *   <li>{@code POST /api/cases} (channel, caseworker): submit; {@code Idempotency-Key} per submitter.</li>
 *   <li>{@code GET /api/cases/{id}}, {@code GET /api/cases?status=&serviceType=&atRisk=&breached=&page=&size=}
 *       (channel: own cases only; caseworker, operations, auditor): from {@code case_summaries}, with the clock read at
 *       the injected {@code Clock}'s instant under the case's calendar version.</li>
 *   <li>{@code GET /api/cases/{id}/history} (caseworker, auditor): the event store itself, oldest first.</li>
 *   <li>{@code POST /api/cases/{id}/assignment|work-started|information-requests|information-received|resolution|reopening}
 *       (caseworker) and {@code /withdrawal} (caseworker, or the channel that submitted the case): 204 once the event
 *       is stored. {@code Idempotency-Key} required, remembered per case and key ({@code command_keys}); a replay is
 *       204 with {@code Idempotent-Replayed: true}. Assignment is also naturally idempotent (same assignee: no event).
 *       Invalid transition: 409 {@code case.invalid-transition}.</li>
 * </ul>
 *
 * <p>Controllers are not {@code @Validated}: Spring MVC's own method validation turns parameter constraints into
 * 400 problems; the AOP interceptor's {@code ConstraintViolationException} would be a 500.
 */
package org.pledge.cases.casefile.web;
