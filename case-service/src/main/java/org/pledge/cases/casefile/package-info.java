/**
 * Cases: the {@code Case} aggregate ({@code command}) and its commands, events and errors ({@code api}).
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
 *   <li><b>ASSIGNED &rarr; IN_PROGRESS</b> needs an explicit {@code StartWorkOnCaseCommand} /
 *       {@code CaseWorkStartedEvent} (not in the event list; the lifecycle state needs an event).</li>
 *   <li><b>Resolving</b> is allowed from IN_PROGRESS and AWAITING_INFORMATION (the pause is closed at resolution);
 *       reassignment is allowed in any open state; only PAPER and MAIL channels may state an earlier receipt.</li>
 *   <li><b>Time</b>: only from commands; a command older than the case's last change is rejected
 *       ({@code case.command-out-of-order}).</li>
 *   <li><b>Personal data</b>: only {@code CaseSubmittedEvent.applicant} (name, email, phone, postal address). It is
 *       read from the event store when needed and never cached ({@code query.CaseOrigins} caches only non-personal
 *       facts).</li>
 *   <li>The aggregate gets the catalogue and calendars as injected resources ({@code ServiceCatalogue},
 *       {@code BusinessCalendars}); it carries no Spring stereotype yet: registering it ({@code @Aggregate} or an
 *       {@code AggregateConfigurer}) and the event store's Jackson serializer belong to the wiring.</li>
 * </ul>
 */
package org.pledge.cases.casefile;
