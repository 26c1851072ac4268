package org.pledge.local.mail;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.pledge.local.Http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MailServerIT {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void mailSentOverSmtp_canBeReadAndClearedOverHttp() throws Exception {
        try (MailServer mail = MailServer.start(Http.freePort(), 0)) {
            send(mail.smtpPort(), "pledge@example.org", "client@example.org", "Uw zaak is ontvangen", "Beslissing uiterlijk 12 mei.");
            send(mail.smtpPort(), "pledge@example.org", "other@example.org", "Second", "Another body");

            JsonNode all = Http.JSON.readTree(get(mail, "/mail").body());
            assertThat(all).hasSize(2);
            JsonNode first = all.get(0);
            assertThat(first.get("from").asText()).isEqualTo("pledge@example.org");
            assertThat(first.get("to").get(0).asText()).isEqualTo("client@example.org");
            assertThat(first.get("subject").asText()).isEqualTo("Uw zaak is ontvangen");
            assertThat(first.get("body").asText()).contains("Beslissing uiterlijk 12 mei.");

            JsonNode filtered = Http.JSON.readTree(get(mail, "/mail?to=other@example.org").body());
            assertThat(filtered).hasSize(1);
            assertThat(filtered.get(0).get("subject").asText()).isEqualTo("Second");

            HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(url(mail, "/mail"))).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(Http.JSON.readTree(get(mail, "/mail").body())).isEmpty();
        }
    }

    private HttpResponse<String> get(MailServer mail, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(mail, path))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static String url(MailServer mail, String path) {
        return "http://localhost:" + mail.httpPort() + path;
    }

    private static void send(int port, String from, String to, String subject, String body) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "localhost");
        properties.put("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        Transport.send(message);
    }
}
