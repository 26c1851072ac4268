package org.pledge.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * A browser shared across classes ({@link Browser#sharedAcrossClasses()}) in the real Chromium: one session per kind for
 * the JVM, cleared rather than closed at the end of a class. A page on a local HTTP server sets a cookie and stores an
 * item to tell.
 */
class BrowserIT {

    private HttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/with-cookie", exchange -> answer(exchange, true));
        server.createContext("/plain", exchange -> answer(exchange, false));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void sharedAcrossClasses_isOneSessionPerKind_clearedInsteadOfClosedAfterAClass() {
        Browser oneClass = Browser.headless().sharedAcrossClasses();
        Browser anotherClass = Browser.headless().sharedAcrossClasses();
        WebDriver driver = oneClass.driver();
        assertThat(anotherClass.driver()).isSameAs(driver);

        driver.get(url("/with-cookie"));
        assertThat(driver.manage().getCookieNamed("seen")).isNotNull();
        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('kept', 'yes');");

        oneClass.afterAll(null); // the end of the first class: what JUnit calls
        assertThat(driver.getCurrentUrl()).isEqualTo("about:blank");
        driver.get(url("/plain")); // still open, and the cookie and the page's storage are gone
        assertThat(driver.manage().getCookieNamed("seen")).isNull();
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript("return localStorage.length;")).intValue()).isZero();
        assertThat(anotherClass.driver()).isSameAs(driver);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void answer(HttpExchange exchange, boolean setCookie) throws java.io.IOException {
        byte[] body = "<!doctype html><html lang=\"en\"><title>page</title><p>page</p></html>".getBytes(StandardCharsets.UTF_8);
        if (setCookie) {
            exchange.getResponseHeaders().add("Set-Cookie", "seen=yes; Path=/");
        }
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
