package org.pledge.feedback.feedback.web;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client address a request came from, behind reverse proxies: the connection's peer, unless that peer is a trusted
 * proxy ({@code pledge.feedback.public-rate-limit.trusted-proxies}); then {@code X-Forwarded-For} is read from the
 * right, skipping trusted proxies, and the first address that is not one is the client. A client cannot choose its
 * address by sending its own {@code X-Forwarded-For}: the trusted proxy appends the peer it saw, and only what
 * trusted proxies appended is believed. Addresses are compared as written (exact match, no ranges).
 */
final class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final Set<String> trustedProxies;

    ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        String client = peer;
        var headers = request.getHeaders(FORWARDED_FOR);
        StringBuilder joined = new StringBuilder();
        while (headers.hasMoreElements()) {
            joined.append(joined.length() > 0 ? "," : "").append(headers.nextElement());
        }
        String[] hops = joined.toString().split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty()) {
                continue;
            }
            client = hop;
            if (!trustedProxies.contains(hop)) {
                break;
            }
        }
        return client.length() > 64 ? client.substring(0, 64) : client;
    }
}
