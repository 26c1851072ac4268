package org.pledge.guarantee.transfer.web;

import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.pledge.guarantee.transfer.integration.ImportReceipts;
import org.pledge.guarantee.transfer.integration.PaymentBatchFiles;
import org.pledge.guarantee.transfer.integration.StatusReportImport;
import org.pledge.platform.web.IdempotencyKey;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finance's daily bank transfer files (docs/payment-batches.md): the pain.001 of a closed business day, and the import
 * of the bank's pain.002 status reports.
 */
@RestController
@Validated
@Tag(name = "Payment batches", description = "Refunds paid by bank transfer: the daily ISO 20022 pain.001.001.09 credit "
        + "transfer file, and the bank's pain.002.001.10 status reports (docs/payment-batches.md).")
class PaymentBatchController {

    static final String UNPAYABLE_HEADER = "Pledge-Unpayable-Refunds";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final PaymentBatchFiles files;
    private final StatusReportImport imports;
    private final ImportReceipts receipts;
    private final Clock clock;

    PaymentBatchController(PaymentBatchFiles files, StatusReportImport imports, ImportReceipts receipts, Clock clock) {
        this.files = files;
        this.imports = imports;
        this.receipts = receipts;
        this.clock = clock;
    }

    @GetMapping(path = "/api/payment-batches/{date}", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(operationId = "getPaymentBatch", summary = "Download the pain.001 of a business day",
            description = "Every refund instructed by bank transfer on `date` (in the business zone `pledge.guarantee.zone`), "
                    + "one credit transfer each, end-to-end id = refund id, message id `PLEDGE-TRF-<date>`. Only once the day "
                    + "is over: from then on the file is fixed, the same bytes on every download (ETag). Refunds whose "
                    + "account was erased cannot be paid: they are left out and named in the `Pledge-Unpayable-Refunds` header.")
    @ApiResponse(responseCode = "200", description = "The pain.001.001.09 file (attachment).",
            content = @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "`payment-batch.empty`: no refund to pay by transfer on that day")
    @ApiResponse(responseCode = "409", description = "`payment-batch.open`: the day is not over yet in the business zone")
    ResponseEntity<byte[]> batch(@Parameter(description = "The business date, ISO (`2026-12-05`)")
                                 @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        PaymentBatchFiles.File file = files.of(date);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .eTag("\"" + ImportReceipts.sha256(file.content()) + "\"");
        if (!file.unpayable().isEmpty()) {
            response.header(UNPAYABLE_HEADER, String.join(",", file.unpayable()));
        }
        return response.body(file.content());
    }

    @PostMapping(path = "/api/payment-batches/status-reports",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "importPaymentStatusReport", summary = "Import the bank's pain.002 status report",
            description = "A pain.002.001.10 about one of our pain.001 files. The whole file is checked before anything is "
                    + "applied; then ACSC/ACCC record the refund paid, RJCT records it failed with its reason code (back to "
                    + "finance), interim statuses (ACTC, ACCP, ACSP, PDNG ...) change nothing. Importing the same report again "
                    + "changes nothing more. At most `pledge.web.max-request-size` (1 MB); no DTD or entities.")
    @ApiResponse(responseCode = "200", description = "What the import did, by refund id (or, for a retried key, what it did "
            + "the first time, with `Idempotent-Replayed: true`).")
    @ApiResponse(responseCode = "422", description = "`payment-batch.wrong-message-type`, `payment-batch.invalid-report`, "
            + "`payment-batch.foreign-report` (not about a batch of ours), `payment-batch.unknown-transaction` (an end-to-end "
            + "id not in that batch), `payment-batch.idempotency-key-reused`: nothing was applied")
    ResponseEntity<StatusReportImport.Summary> importReport(
            @RequestHeader("Idempotency-Key") @Pattern(regexp = IdempotencyKey.PATTERN, message = IdempotencyKey.MESSAGE) String key,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The pain.002.001.10 document (UTF-8).",
                    content = @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string", format = "binary")))
            @RequestBody byte[] body) {
        var replayed = receipts.replay(key, body);
        if (replayed.isPresent()) {
            return ResponseEntity.ok().header(REPLAYED_HEADER, "true").body(replayed.get());
        }
        StatusReportImport.Summary summary = imports.importReport(body);
        receipts.remember(key, body, summary, clock.instant());
        return ResponseEntity.ok(summary);
    }
}
