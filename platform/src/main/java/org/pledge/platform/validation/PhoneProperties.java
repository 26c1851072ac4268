package org.pledge.platform.validation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code pledge.phone.default-region}: the region a phone number without country code is read in when the client's language tag has none (default CA). */
@ConfigurationProperties("pledge.phone")
record PhoneProperties(String defaultRegion) {

    PhoneProperties {
        defaultRegion = defaultRegion == null ? PhoneNumbers.DEFAULT_REGION : defaultRegion;
    }
}
