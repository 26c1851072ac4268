package org.pledge.notification.it;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The SMTP server of notification-service's ITs: GreenMail on a free port, which refuses RCPT TO for any
 * {@code refused@...} mailbox with {@code 550 5.1.1} (a mailbox that does not exist: a permanent failure).
 */
final class TestSmtp extends GreenMail {

    TestSmtp() {
        super(ServerSetupTest.SMTP.dynamicPort());
        managers = new Managers() {
            private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress address) {
                    return address.getEmail().startsWith("refused@") ? "550 5.1.1 mailbox unavailable"
                            : super.checkRecipient(state, address);
                }
            };

            @Override
            public SmtpManager getSmtpManager() {
                return smtp;
            }
        };
    }

    int port() {
        return getSmtp().getPort();
    }

    /** Every message received so far for {@code address}. */
    List<MimeMessage> to(String address) {
        return Arrays.stream(getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
