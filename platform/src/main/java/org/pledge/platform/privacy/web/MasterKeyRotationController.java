package org.pledge.platform.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.pledge.platform.privacy.DataSubjectKeyStore;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Re-wraps the data subject keys with the current master key (role {@code admin}); see docs/privacy.md, rotation. */
@RestController
@RequestMapping("/api/privacy")
@Tag(name = "Privacy", description = "The master key that wraps every data subject's key")
public class MasterKeyRotationController {

    private final DataSubjectKeyStore keys;

    public MasterKeyRotationController(DataSubjectKeyStore keys) {
        this.keys = keys;
    }

    @Schema(name = "MasterKeyRotation", description = "What a re-wrap did")
    public record RotationView(
            @Schema(description = "The current master key's id (pledge.privacy.master-key-id): every key re-wrapped is wrapped by it")
            String masterKeyId,
            @Schema(description = "Keys re-wrapped now (from a previous master key)") int rewrapped,
            @Schema(description = "Keys left wrapped by a master key that is not configured (add it to "
                    + "pledge.privacy.previous-master-keys); 0 when the rotation is complete") int notConfigured) {
    }

    @PostMapping("/master-key-rotation")
    @Operation(operationId = "rewrapDataSubjectKeys", summary = "Re-wrap every data subject key with the current master key",
            description = "Each key wrapped by a previous master key (pledge.privacy.previous-master-keys) is unwrapped and "
                    + "wrapped again by the current one (pledge.privacy.master-key), one compare-and-set per key; the service "
                    + "does the same by itself at start-up. Idempotent: a repeat re-wraps nothing more. Once it answers "
                    + "rewrapped 0 and notConfigured 0 on every instance's database, the previous key can be removed.")
    @ApiResponse(responseCode = "200", description = "Done: how many keys were re-wrapped")
    public RotationView rotate() {
        DataSubjectKeyStore.Rewrap result = keys.rewrap();
        return new RotationView(result.masterKeyId(), result.rewrapped(), result.notConfigured());
    }
}
