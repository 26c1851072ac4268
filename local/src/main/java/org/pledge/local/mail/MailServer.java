package org.pledge.local.mail;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.pledge.local.Http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Local SMTP server (GreenMail) whose received mail can be read over HTTP:
 * {@code GET /mail} (optionally {@code ?to=address}) lists the messages as JSON, {@code DELETE /mail} clears them.
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;
    private final HttpServer http;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "mail-http");
        thread.setDaemon(true);
        return thread;
    });

    private MailServer(int smtpPort, int httpPort) throws IOException {
        ServerSetup smtp = new ServerSetup(smtpPort, null, ServerSetup.PROTOCOL_SMTP);
        smtp.setServerStartupTimeout(10_000);
        greenMail = new GreenMail(smtp);
        greenMail.start();
        try {
            http = Http.server(httpPort, pool);
        } catch (IOException e) {
            greenMail.stop();
            throw e;
        }
        http.createContext("/", this::handle);
        http.start();
    }

    public static MailServer start(int smtpPort, int httpPort) throws IOException {
        return new MailServer(smtpPort, httpPort);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/health")) {
                Http.json(exchange, 200, Map.of("status", "UP"));
            } else if (path.equals("/mail") && method.equals("GET")) {
                Http.json(exchange, 200, messages(Http.query(exchange).get("to")));
            } else if (path.equals("/mail") && method.equals("DELETE")) {
                greenMail.purgeEmailFromAllMailboxes();
                Http.empty(exchange, 204);
            } else {
                Http.error(exchange, 404, "GET /mail, DELETE /mail");
            }
        } catch (MessagingException | FolderException e) {
            Http.error(exchange, 500, e.getMessage());
        }
    }

    /** The received messages, oldest first, optionally only those addressed to {@code to}. */
    public List<Map<String, Object>> messages(String to) throws MessagingException, IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            List<String> recipients = addresses(message.getRecipients(Message.RecipientType.TO));
            List<String> cc = addresses(message.getRecipients(Message.RecipientType.CC));
            if (to != null && recipients.stream().noneMatch(r -> r.toLowerCase().contains(to.toLowerCase()))
                    && cc.stream().noneMatch(r -> r.toLowerCase().contains(to.toLowerCase()))) {
                continue;
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("messageId", message.getMessageID());
            json.put("from", String.join(", ", addresses(message.getFrom())));
            json.put("to", recipients);
            json.put("cc", cc);
            json.put("subject", message.getSubject());
            json.put("body", text(message, "text/plain"));
            json.put("html", text(message, "text/html"));
            json.put("sentAt", message.getSentDate() == null ? null : message.getSentDate().toInstant().toString());
            json.put("receivedAt", message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant().toString());
            String[] language = message.getHeader("Content-Language");
            json.put("contentLanguage", language == null ? null : language[0]);
            list.add(json);
        }
        return list;
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    /** The first part of the given type; for a plain text/plain or text/html message its whole content. */
    private static String text(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = text(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdownNow();
        greenMail.stop();
    }
}
