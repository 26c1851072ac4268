/**
 * Cases: the {@code Case} aggregate ({@code command}) and its commands, events and errors ({@code api}); the read
 * models of cases ({@code query}); what keeps each open case's deadline watched and current.
 *
 * <p>Depends on {@code catalogue.api} (service types, fees, calendar versions) and {@code sla} (standards, calendars,
 * the service-standard clock); nothing depends on it but the web and integration edges of its own.
 *
 * <h2>Due markers: durable, exactly-once firing of at-risk and breach</h2>
 * <ul>
 *   <li>{@code query.MarkerScheduleProjection} (processing group {@code sla-clocks}, pooled streaming, token in Mongo)
 *       keeps one {@code query.MarkerSchedule} per case in {@code sla_clocks} (names kept from before the move: they
 *       hold tokens and data) with the next marker due and when ({@code nextDueAt}, null while paused, closed, or when
 *       both fired). Idempotent by aggregate sequence number.</li>
 *   <li>{@code command.MarkerSweeper}, every {@code pledge.sla.sweep-interval}, reads up to {@code pledge.sla.batch-size}
 *       due schedules, claims each with one {@code findOneAndUpdate} on {@code _id} ({@code claimedBy},
 *       {@code claimedUntil}) and sends {@code MarkCaseAtRiskCommand} or {@code MarkServiceStandardBreachedCommand}. The
 *       case aggregate records each marker once and ignores stale, early, paused or closed marks: it is the guard; the
 *       claim only spares the other instances the work.</li>
 *   <li>Time comes from the injected {@link java.time.Clock}; due instants are stored rounded up to the millisecond, so
 *       a sweep is never earlier than the case. No transactions, no change streams, no TTL: the same on MongoDB and
 *       mongo-java-server (where the due-query scans).</li>
 * </ul>
 *
 * <h2>New calendar versions</h2>
 * {@code command.CalendarRecalculation} reacts to {@code BusinessCalendarPublishedEvent} with one
 * {@code RecalculateDeadlineCommand} per open case on an older version; {@code command.CalendarRecalculationSweep}
 * ({@code pledge.catalogue.recalculation.*}) catches the cases it could not see yet.
 *
 * <p>Decisions:
 * <ul>
 *   <li><b>Reopening</b> resumes the same clock, counting the time the case was closed (resolution to reopening) as a
 *       pause: the client is not promised a fresh standard (new requests are follow-up cases) and the service is not
 *       charged for time the case was closed. At-risk and breach stay once per case; a breached case stays breached.</li>
 *   <li><b>Breach freezes the deadline</b>: after {@code ServiceStandardBreachedEvent}, pauses, reopenings and new calendar
 *       versions no longer move the deadline (events repeat the frozen one), and a later resolution is never on time.</li>
 *   <li><b>Markers fire at once when due</b>: every state-changing command first records an at-risk or breach marker
 *       that its instant has made due (not while paused or closed), and so does submission (a late paper application)
 *       and any clock change. A case resolved or withdrawn after its deadline therefore always has its breach
 *       recorded first, even when the scheduler is late. The scheduler's {@code Mark...} commands are idempotent.</li>
 *   <li><b>Follow-up idempotency</b>: {@code OpenFollowUpCaseCommand}'s target id is a name-based UUID of the
 *       {@code followUpRequestId}; the handler uses {@code CREATE_IF_MISSING}, so a repeated request reaches the
 *       existing case and does nothing.</li>
 *   <li><b>Follow-up ownership</b>: a follow-up belongs to the earlier case's channel client
 *       ({@code CaseSubmittedEvent.owner}), so that channel reads, lists and withdraws it like the case it submitted;
 *       the {@code actor} of its opening stays the requesting service ({@code feedback-service}), as the history shows.
 *       A case without {@code owner} belongs to its submitter (the {@code actor}).</li>
 *   <li><b>What the client was told</b>: notification-service's {@code pledge.notification.delivered.v1} and
 *       {@code .failed.v1} become {@code ClientNotifiedEvent} and {@code ClientNotificationFailedEvent} on the case, so
 *       the history shows them beside its own steps. Their rule is {@code command.ClientNotifications}', the case's
 *       {@code @AggregateMember}: each outcome once per notification id, in every state (closed cases too), without
 *       touching the clock, the status or the case's last change (a late report never makes a later command out of
 *       order). An unknown case fails the message: retried, then parked on {@code pledge.notification.v1.dlq}.</li>
 *   <li><b>ASSIGNED &rarr; IN_PROGRESS</b> needs an explicit {@code StartWorkOnCaseCommand} /
 *       {@code CaseWorkStartedEvent} (not in the event list; the lifecycle state needs an event).</li>
 *   <li><b>Resolving</b> is allowed from IN_PROGRESS and AWAITING_INFORMATION (the pause is closed at resolution);
 *       reassignment is allowed in any open state; only PAPER and MAIL channels may state an earlier receipt.</li>
 *   <li><b>Time</b>: only from commands; a command older than the case's last change is rejected
 *       ({@code case.command-out-of-order}).</li>
 *   <li><b>Personal data</b>: only {@code CaseSubmittedEvent.applicant} (name, email, phone, postal address), marked
 *       {@code @PersonalData(subject = "reference")} and so stored encrypted per client (docs/privacy.md). It is read
 *       from the event store when needed and never cached ({@code query.CaseOrigins} caches only non-personal facts;
 *       no read model, snapshot or the aggregate's state holds it). Once the client is erased it reads
 *       {@code "[erased]"}: {@code GET /api/cases/{id}/applicant} shows the markers, {@code pledge.case.submitted.v1}
 *       leaves the values out, a follow-up is refused (409 {@code case.applicant-erased}, or skipped when feedback
 *       asks) and so is a new case under the erased reference (422 {@code case.applicant-reference-erased}).</li>
 *   <li>The aggregate gets the catalogue and calendars as injected resources ({@code ServiceCatalogue},
 *       {@code BusinessCalendars}); it carries no Spring stereotype yet: registering it ({@code @Aggregate} or an
 *       {@code AggregateConfigurer}) and the event store's Jackson serializer belong to the wiring.</li>
 * </ul>
 */
package org.pledge.cases.casefile;
