package org.pledge.platform.audit.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.pledge.audit.AuditExport;
import org.pledge.platform.audit.AuditTrail;
import org.pledge.platform.audit.AuditViews;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit API of every service (role {@code auditor}, enforced by the platform's security filter chain on
 * {@code /api/audit/**}): verify a range of the hash chain over the event store, read one stored sequence with the
 * path to its checkpoint, export a range for the offline verifier, read the public key ({@code docs/audit.md}).
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "The hash chain over this service's event store: verify it, prove one event, export a"
        + " range for the offline verifier, and the key that signs its checkpoints")
public class AuditController {

    private static final String RANGE = "`audit.invalid-range`: from below 1, to before from, or to beyond the chain;"
            + " `audit.range-too-large`: more than pledge.audit.max-range sequences";

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/verification")
    @Operation(operationId = "verifyAuditChain", summary = "Recompute a range of the audit chain and check it",
            description = "Recomputes every link of the range from the stored events (and the storage engine's"
                    + " tombstones), compares each with the stored link, and checks the signature and link of every"
                    + " signed checkpoint in the range. A range not starting at 1 starts from the nearest signed"
                    + " checkpoint before `from` (its signature checked), never from an unsigned stored link. Answers"
                    + " ok, or the first break: its sequence and kind (CHANGED, MISSING, INSERTED, REORDERED,"
                    + " LINK_MISSING, CHECKPOINT_MISMATCH, CHECKPOINT_SIGNATURE).")
    @ApiResponse(responseCode = "200", description = "The verification, ok or with its first break")
    @ApiResponse(responseCode = "400", description = RANGE)
    public AuditViews.Verification verify(
            @Parameter(description = "The first sequence (default 1)") @RequestParam(required = false) Long from,
            @Parameter(description = "The last sequence (default: the chain's head)") @RequestParam(required = false)
            Long to) {
        return trail.verify(from, to);
    }

    @GetMapping("/events/{sequence}")
    @Operation(operationId = "getAuditEvent", summary = "Read one stored sequence with its link and proof",
            description = "The stored event (or tombstone) exactly as stored, its canonical bytes, its link, the link"
                    + " before it, and the canonical bytes of every following sequence up to the nearest signed"
                    + " checkpoint at or after it, with that checkpoint: link(n) = SHA-256(link(n-1) ‖ canonical bytes"
                    + " of n) leads from the previous link to the checkpoint's signed link.")
    @ApiResponse(responseCode = "200", description = "The sequence and its proof")
    @ApiResponse(responseCode = "400", description = "`audit.invalid-range`: a sequence below 1")
    @ApiResponse(responseCode = "404", description = "`audit.not-chained`: the chain does not reach the sequence (yet)")
    public AuditViews.EventProof event(
            @Parameter(description = "The global sequence number of the event store") @PathVariable long sequence) {
        return trail.proof(sequence);
    }

    @GetMapping(value = "/export", produces = AuditExport.MEDIA_TYPE)
    @Operation(operationId = "exportAuditChain", summary = "Export a range of the audit chain for the offline verifier",
            description = "NDJSON: a header (service, range, start link and the signed checkpoint it comes from), one"
                    + " line per stored sequence (the record as stored and its link), then the range's checkpoints."
                    + " A range not starting at 1 starts after the nearest signed checkpoint before `from`. Check it with"
                    + " `java -jar audit-verifier-<version>-cli.jar --public-key key.pem export.ndjson`.")
    @ApiResponse(responseCode = "200", description = "The export, streamed",
            content = @Content(mediaType = AuditExport.MEDIA_TYPE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = RANGE)
    public void export(
            @Parameter(description = "The first sequence (default 1)") @RequestParam(required = false) Long from,
            @Parameter(description = "The last sequence (default: the chain's head)") @RequestParam(required = false)
            Long to,
            HttpServletResponse response) throws IOException {
        AuditTrail.Export export = trail.export(from, to); // the range is checked before anything is written
        response.setContentType(AuditExport.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-export.ndjson\"");
        export.writeTo(response.getOutputStream());
    }

    @GetMapping("/public-key")
    @Operation(operationId = "getAuditPublicKey", summary = "Read the public key that signs this service's checkpoints",
            description = "PEM (X.509 SubjectPublicKeyInfo), its key id and algorithm: what the offline verifier and"
                    + " anyone checking a published checkpoint need.")
    @ApiResponse(responseCode = "200", description = "The public key")
    public AuditViews.PublicKey publicKey() {
        return trail.publicKey();
    }
}
