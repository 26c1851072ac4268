package org.pledge.console.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseSearchTest {

    @Test
    void pageUri_keepsFilters_andLeavesDefaultsOut() {
        CaseSearch search = new CaseSearch("SUBMITTED", " passport ", "", "true", "3", "20");

        assertThat(search.pageUri(4)).isEqualTo("/cases?status=SUBMITTED&serviceType=passport&breached=true&page=4");
        assertThat(search.pageUri(0)).isEqualTo("/cases?status=SUBMITTED&serviceType=passport&breached=true");
    }

    @Test
    void apiQuery_hasOnlyFiltersSet_plusPageAndSize() {
        CaseSearch search = new CaseSearch(null, null, "false", null, null, "100");

        assertThat(search.apiQuery().toSingleValueMap())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("atRisk", "false", "page", "0", "size", "100"));
    }

    @Test
    void errors_nameEachWrongField() {
        CaseSearch search = new CaseSearch("OPEN", "a b", "yes", "no", "99999999", "7");

        assertThat(search.errors()).extracting(CaseSearch.FieldError::field)
                .containsExactly("status", "serviceType", "atRisk", "breached", "page", "size");
        assertThat(search.pageNumber()).isZero();
        assertThat(search.pageSize()).isEqualTo(CaseSearch.DEFAULT_SIZE);
    }

    @Test
    void errors_areNone_whenBlankOrWithinLimits() {
        assertThat(new CaseSearch("", " ", null, "", "10000", "50").errors()).isEmpty();
        assertThat(new CaseSearch(null, null, null, null, "10001", null).errors())
                .extracting(CaseSearch.FieldError::field).containsExactly("page");
    }
}
