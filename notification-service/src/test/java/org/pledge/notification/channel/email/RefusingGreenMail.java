package org.pledge.notification.channel.email;

import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * GreenMail, a real SMTP server on a free port, that answers RCPT TO for {@code refused@...} with {@code 550 5.1.1} and
 * for {@code busy@...} with {@code 451 4.3.0} (as a mailbox that does not exist and a greylisting server do), and
 * counts the RCPT commands it was sent.
 */
final class RefusingGreenMail extends GreenMail {

    final AtomicInteger recipientCommands = new AtomicInteger();

    RefusingGreenMail() {
        super(ServerSetupTest.SMTP.dynamicPort());
        // start() builds its servers again from this field
        managers = new RefusingManagers();
    }

    int port() {
        return getSmtp().getPort();
    }

    private final class RefusingManagers extends Managers {

        private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress address) {
                recipientCommands.incrementAndGet();
                String mailbox = address.getEmail();
                if (mailbox.startsWith("refused@")) {
                    return "550 5.1.1 mailbox unavailable";
                }
                if (mailbox.startsWith("busy@")) {
                    return "451 4.3.0 try again later";
                }
                return super.checkRecipient(state, address);
            }
        };

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }
    }

}
