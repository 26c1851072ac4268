package org.pledge.notification.channel.email;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.pledge.notification.channel.provider.ProviderFailure;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * What an SMTP failure means for the message, from the reply codes in the exceptions (RFC 5321: 4xx transient, 5xx
 * permanent) and the kind of I/O failure:
 * <ul>
 * <li>any 5xx reply (550 mailbox unavailable, 553 bad address, 554 refused): {@code smtp-<code>}, permanent;</li>
 * <li>else any 4xx reply (421 closing, 450/451 try later, 452 no room): {@code smtp-<code>}, transient;</li>
 * <li>no connection (refused, unknown host, connect time-out): {@code connection}, transient (nothing was sent);</li>
 * <li>a read time-out or a connection lost after it was made: {@code timeout} / {@code connection-lost}, uncertain
 *     (the server may have taken the message);</li>
 * <li>our credentials refused: {@code smtp-auth}, transient (an operator's matter, not the client's address);</li>
 * <li>a message that could not be written: {@code invalid-message}, permanent.</li>
 * </ul>
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static ProviderFailure classify(MailException failure) {
        if (failure instanceof MailAuthenticationException) {
            return ProviderFailure.transientFailure("smtp-auth");
        }
        if (!(failure instanceof MailSendException send)) {
            return ProviderFailure.permanent("invalid-message");
        }
        int permanent = 0;
        int transientCode = 0;
        boolean notConnected = false;
        boolean timedOut = false;
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(send);
        send.getFailedMessages().values().forEach(todo::add);
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Throwable e = todo.poll();
            if (!seen.add(e)) {
                continue;
            }
            int code = replyCode(e);
            if (code >= 500 && code < 600 && permanent == 0) {
                permanent = code;
            } else if (code >= 400 && code < 500 && transientCode == 0) {
                transientCode = code;
            }
            if (e instanceof MailConnectException || e instanceof ConnectException || e instanceof UnknownHostException
                    || e instanceof NoRouteToHostException) {
                notConnected = true;
            }
            if (e instanceof SocketTimeoutException) {
                timedOut = true;
            }
            if (e.getCause() != null) {
                todo.add(e.getCause());
            }
            for (Throwable suppressed : e.getSuppressed()) {
                todo.add(suppressed);
            }
        }
        if (permanent != 0) {
            return ProviderFailure.permanent("smtp-" + permanent);
        }
        if (transientCode != 0) {
            return ProviderFailure.transientFailure("smtp-" + transientCode);
        }
        if (notConnected) {
            return ProviderFailure.transientFailure("connection");
        }
        return ProviderFailure.uncertain(timedOut ? "timeout" : "connection-lost");
    }

    private static int replyCode(Throwable e) {
        if (e instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (e instanceof SMTPSendFailedException sendFailed) {
            return sendFailed.getReturnCode();
        }
        if (e instanceof SMTPSenderFailedException sender) {
            return sender.getReturnCode();
        }
        return 0;
    }
}
