/** The {@code pledge.notification.v1} contracts: what clients were told, and when they could not be. */
package org.pledge.contracts.notification;
