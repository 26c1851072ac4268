package org.pledge.guarantee.claim.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pledge.guarantee.claim.query.GuaranteeClaims;
import org.pledge.platform.axon.AggregateVersion;
import org.pledge.platform.axon.VersionedCommandGateway;
import org.pledge.platform.readmodel.ReadModelProperties;
import org.pledge.platform.security.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a claim's commands for the web layer, once per {@code Idempotency-Key} ({@link ClaimRequestKeys}), and answers
 * only once the claims' read model shows what the command stored (at most {@code pledge.read-model.await-timeout}):
 * read-your-writes, as case-service does (docs/adr/0007-read-your-writes.md).
 */
@Component
class ClaimWrites {

    private static final Logger log = LoggerFactory.getLogger(ClaimWrites.class);

    private final VersionedCommandGateway commands;
    private final ClaimRequestKeys keys;
    private final GuaranteeClaims claims;
    private final ReadModelProperties readModel;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    ClaimWrites(VersionedCommandGateway commands, ClaimRequestKeys keys, GuaranteeClaims claims, ReadModelProperties readModel,
                ObjectMapper objectMapper, Clock clock) {
        this.commands = commands;
        this.keys = keys;
        this.claims = claims;
        this.readModel = readModel;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** Sends the command once per key; true when this was a replay of a completed request (nothing sent). */
    boolean send(String claimId, String action, String key, Object body, Function<Instant, Object> command) {
        ClaimRequestKeys.Claim claim = keys.claim(claimId, action, key, hash(action, body), clock.instant());
        if (claim.replay()) {
            return true;
        }
        try {
            Optional<AggregateVersion> version = commands.sendAndWait(command.apply(clock.instant())).version();
            version.ifPresent(v -> {
                if (!claims.awaitSequence(claimId, v.version(), readModel.awaitTimeout(), readModel.pollInterval())) {
                    log.info("guarantee_claims did not show claim {} version {} within {}; answering anyway", claimId, v.version(),
                            readModel.awaitTimeout());
                }
            });
        } catch (RuntimeException e) {
            keys.release(claim);
            throw e;
        }
        keys.complete(claim);
        return false;
    }

    private String hash(String action, Object body) {
        try {
            // the caller is part of the request: another user's retry with the same key is not a replay of this one
            String caller = CurrentActor.current().map(CurrentActor::subject).orElse("");
            String canonical = action + "\n" + caller + "\n" + objectMapper.writeValueAsString(body);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
