package org.pledge.guarantee.claim.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClaimRequestsTest {

    @Test
    void iban_isAccepted_whenItsCheckDigitsHold_andNormalised() {
        assertThat(ClaimRequests.iban("fr14 2004 1010 0505 0001 3m02 606")).isEqualTo("FR1420041010050500013M02606");
        assertThat(ClaimRequests.iban("DE89370400440532013000")).isEqualTo("DE89370400440532013000");
        assertThat(ClaimRequests.iban("GB82 WEST 1234 5698 7654 32")).isEqualTo("GB82WEST12345698765432");
    }

    @Test
    void iban_isRefused_whenOneDigitIsWrong_orTheFormIsNotAnIban() {
        assertThatThrownBy(() -> ClaimRequests.iban("DE89370400440532013001")).hasMessageContaining("IBAN");
        assertThatThrownBy(() -> ClaimRequests.iban("FR14-2004")).hasMessageContaining("IBAN");
        assertThatThrownBy(() -> ClaimRequests.iban("1234567890123456")).hasMessageContaining("IBAN");
    }

    @Test
    void bic_isOptional_andChecked() {
        assertThat(ClaimRequests.bic(null)).isNull();
        assertThat(ClaimRequests.bic(" bnpafrpp ")).isEqualTo("BNPAFRPP");
        assertThat(ClaimRequests.bic("DEUTDEFF500")).isEqualTo("DEUTDEFF500");
        assertThatThrownBy(() -> ClaimRequests.bic("BNPA12PP")).hasMessageContaining("BIC");
    }
}
