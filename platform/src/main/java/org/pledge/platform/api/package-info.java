/**
 * What a service's {@code api} records may use of the platform: annotations free of any framework, which the
 * platform's Axon wiring reads ({@link org.pledge.platform.api.CommandTarget} routes a command,
 * {@link org.pledge.platform.api.EventRevision} versions a stored event). Like every {@code api} package, this one
 * depends on no Spring, Axon or MongoDB type ({@code PledgeArchitectureRules}).
 */
package org.pledge.platform.api;
