package org.pledge.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrowserTest {

    @Test
    void driver_failsSayingWhatToInstall_whenChromiumIsMissing() {
        String before = System.getProperty("pledge.browser.chromium");
        System.setProperty("pledge.browser.chromium", "/nonexistent/chromium");
        try {
            assertThatThrownBy(() -> Browser.headless().driver())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("/nonexistent/chromium is missing")
                    .hasMessageContaining("apt-get install -y chromium chromium-driver");
        } finally {
            if (before == null) {
                System.clearProperty("pledge.browser.chromium");
            } else {
                System.setProperty("pledge.browser.chromium", before);
            }
        }
    }
}
