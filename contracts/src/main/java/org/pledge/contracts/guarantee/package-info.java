/** The {@code pledge.guarantee.v1} contracts: guarantee claims and their refunds, published by guarantee-service. */
package org.pledge.contracts.guarantee;
