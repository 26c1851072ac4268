package org.pledge.guarantee.claim.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.pledge.guarantee.claim.query.GuaranteedCases;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cases guarantee-service holds a fee for (finance, auditor). */
@RestController
@Validated
class GuaranteedCasesController {

    private final GuaranteedCases cases;

    GuaranteedCasesController(GuaranteedCases cases) {
        this.cases = cases;
    }

    @GetMapping("/api/claims/cases")
    List<GuaranteedCases.GuaranteedCase> cases(@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return cases.page(limit);
    }
}
